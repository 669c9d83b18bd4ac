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
  /** Output width in pixels; height follows the aspect ratio. @default the SVG width x 2 (for print) */
  width?: number;
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
 * @example writeFileSync('km.png', renderPng(kaplanMeierPlot(km), { width: 1600 }));
 */
export function renderPng(figure: SvgElement | string, options: PngOptions = {}): Uint8Array {
  const svgText = typeof figure === 'string' ? figure : svgToString(figure);
  const { Resvg: Renderer } = require('@resvg/resvg-js') as { Resvg: typeof Resvg };
  let renderer: Resvg;
  try {
    renderer = new Renderer(svgText, {
      font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: theme.fontFamily },
      fitTo:
        options.width !== undefined ? { mode: 'width', value: options.width } : { mode: 'zoom', value: 2 },
      background: 'white',
    });
  } catch (error) {
    throw new TaceError('PARSE_ERROR', `cannot render the SVG: ${(error as Error).message}`, {
      param: 'svg',
      cause: error,
    });
  }
  return new Uint8Array(renderer.render().asPng());
}
