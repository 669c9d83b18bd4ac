// Shared by the figure examples: the fixture folder, a CSV reader and a writer of SVG, PNG and PDF.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '@tace/core';
import { renderPdf, renderPng, svgToString } from '@tace/figures';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads `examples/figures/data/<name>` (CSV written by data/make.R or data/make-data.mjs). */
export function readData(name) {
  return readTable(join(here, 'data', name));
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url) {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}

/**
 * Writes `<name>.svg`, `<name>.png` (at `dpi`, 300 unless given) and `<name>.pdf` (vector, DejaVu Sans
 * embedded; needs the optional `pdfkit`) into `outDir` (default: a tace-figures folder in the temp dir).
 * Returns the paths written.
 */
export async function writeFigure(name, figure, outDir = join(tmpdir(), 'tace-figures'), dpi = 300) {
  mkdirSync(outDir, { recursive: true });
  const paths = [join(outDir, `${name}.svg`), join(outDir, `${name}.png`), join(outDir, `${name}.pdf`)];
  writeFileSync(paths[0], svgToString(figure));
  writeFileSync(paths[1], renderPng(figure, { dpi }));
  writeFileSync(paths[2], await renderPdf(figure, { title: name }));
  for (const p of paths) console.log(`wrote ${p}`);
  return paths;
}
