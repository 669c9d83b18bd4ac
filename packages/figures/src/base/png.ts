import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { TaceError } from '../errors/tace-error.js';
import { theme } from './theme.js';

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Output width in pixels; height follows the aspect ratio. @default the SVG width x 2 (for print) */
  width?: number;
}

/**
 * Paths of the DejaVu TTF fonts shipped by the `dejavu-fonts-ttf` package (regular, bold, oblique, bold
 * oblique). PNG rendering uses only these, never system fonts, so images are identical on every machine.
 */
export function fontFiles(): string[] {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  return [
    'DejaVuSans.ttf',
    'DejaVuSans-Bold.ttf',
    'DejaVuSans-Oblique.ttf',
    'DejaVuSans-BoldOblique.ttf',
  ].map((name) => join(folder, name));
}

/**
 * Rasterises SVG text to PNG bytes with resvg, using the DejaVu Sans fonts of {@link fontFiles} (system fonts
 * are not loaded).
 * @throws {TaceError} `PARSE_ERROR` when the SVG cannot be parsed.
 * @example writeFileSync('km.png', svgToPng(renderSvg(plot)));
 */
export function svgToPng(svgText: string, options: PngOptions = {}): Uint8Array {
  let renderer: Resvg;
  try {
    renderer = new Resvg(svgText, {
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
