// Runs every figure example of examples/figures/ (the ones docs/figures.md shows): each builds, no two
// text boxes overlap (measured with the embedded DejaVu Sans), every text box lies inside the figure, and
// the figure renders to PNG (and, once, to PDF when the optional pdfkit is installed).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { overlappingText, renderPdf, renderPng, type SvgElement, textBoxes } from '@tace/figures';
import { describe, expect, it } from 'vitest';

interface Example {
  name: string;
  load: () => Promise<{ build: () => SvgElement | Promise<SvgElement> }>;
}

// The examples are scripts, not a package: loaded by path, as test/notebook runs examples/*.mjs (here in
// process, so that their '@tace/*' imports resolve to the sources and no build is needed).
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { examples: list } = (await import(
  pathToFileURL(join(repo, 'examples', 'figures', 'all.mjs')).href
)) as { examples: Example[] };
const hasPdfkit = (() => {
  try {
    createRequire(import.meta.resolve('@tace/figures')).resolve('pdfkit');
    return true;
  } catch {
    return false;
  }
})();

/** Width and height of a figure from its viewBox (px user units). */
function viewBox(figure: SvgElement): [number, number] {
  const [, , width, height] = String(figure.attributes.viewBox)
    .split(/[\s,]+/)
    .map(Number);
  return [width, height];
}

describe('figure examples (examples/figures)', () => {
  for (const example of list)
    it(`${example.name}: builds, no overlapping or clipped text, renders to PNG`, async () => {
      const figure = await (await example.load()).build();
      expect(figure.tag).toBe('svg');
      expect(overlappingText(figure).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
      const [width, height] = viewBox(figure);
      // 1 px tolerance: boxes are measured from the font's advance widths and ascent/descent.
      const outside = textBoxes(figure)
        .filter((b) => b.left < -1 || b.top < -1 || b.right > width + 1 || b.bottom > height + 1)
        .map((b) => b.text);
      expect(outside).toEqual([]);
      const png = renderPng(figure, { dpi: 48 });
      expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    });

  it.skipIf(!hasPdfkit)('km: renders to a vector PDF (skipped without the optional pdfkit)', async () => {
    const km = list.find((e) => e.name === 'km') as Example;
    const pdf = await renderPdf(await (await km.load()).build());
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });
});
