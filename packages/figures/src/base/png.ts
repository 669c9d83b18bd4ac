import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Resvg } from '@resvg/resvg-js';
import { TaceError } from '@tace/core';
import { type SvgElement, svgToString } from './svg-element.js';
import { theme } from './theme.js';

// resvg is a native module: loaded on the first PNG, so that drawing SVG never needs it.
const require = createRequire(import.meta.url);

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Output width in pixels; height follows the aspect ratio. @default from `dpi`, else the SVG width x 2 */
  width?: number;
  /**
   * Resolution for the figure's physical size (its `width`/`height` with `unit`; 96 px = 1 in), as
   * `ggsave(dpi)`; also written into the PNG's `pHYs` chunk so layout programs print it at that size.
   * @default 192 (2x the SVG size) when `width` is not given
   */
  dpi?: number;
}

/**
 * Paths of the DejaVu TTF fonts shipped by the `dejavu-fonts-ttf` package (regular, bold, oblique, bold
 * oblique). PNG rendering uses only these, never system fonts, so images are identical on every machine.
 */
export function fontFiles(): string[] {
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [
    'DejaVuSans.ttf',
    'DejaVuSans-Bold.ttf',
    'DejaVuSans-Oblique.ttf',
    'DejaVuSans-BoldOblique.ttf',
  ].map((name) => join(folder, name));
}

/**
 * Rasterizes a figure (an element tree or SVG text) to PNG bytes with resvg, using the DejaVu Sans fonts of
 * {@link fontFiles} (system fonts are not loaded), on a white background.
 * @throws {TaceError} `PARSE_ERROR` when the SVG cannot be parsed.
 * @example writeFileSync('km.png', renderPng(kaplanMeierPlot(km, { width: 180, height: 120, unit: 'mm' }), { dpi: 300 }));
 */
export function renderPng(figure: SvgElement | string, options: PngOptions = {}): Uint8Array {
  const svgText = typeof figure === 'string' ? figure : svgToString(figure);
  const { Resvg: Renderer } = require('@resvg/resvg-js') as { Resvg: typeof Resvg };
  const dpi = options.dpi ?? (options.width === undefined ? 192 : undefined);
  let renderer: Resvg;
  try {
    renderer = new Renderer(svgText, {
      font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: theme.fontFamily },
      fitTo:
        options.width !== undefined
          ? { mode: 'width', value: options.width }
          : { mode: 'zoom', value: (dpi ?? 192) / 96 },
      background: 'white',
    });
  } catch (error) {
    throw new TaceError('PARSE_ERROR', `cannot render the SVG: ${(error as Error).message}`, {
      param: 'svg',
      cause: error,
    });
  }
  const png = new Uint8Array(renderer.render().asPng());
  return dpi === undefined ? png : withResolution(png, dpi);
}

/** Inserts a `pHYs` chunk (pixels per metre) after the PNG's `IHDR` chunk. */
function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // 'pHYs'
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const ihdrEnd = 8 + 25; // signature + IHDR (4 length + 4 type + 13 data + 4 crc)
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
