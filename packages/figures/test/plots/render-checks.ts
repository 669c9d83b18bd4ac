import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import {
  overlappingText,
  renderPdf,
  renderPng,
  type SvgElement,
  svgToString,
  textBoxes,
} from '../../src/index.js';

/** Whether the optional pdfkit peer is installed (PDF tests skip without it). */
export const hasPdfkit = (() => {
  try {
    createRequire(import.meta.url).resolve('pdfkit');
    return true;
  } catch {
    return false;
  }
})();

/** A label long enough to collide with anything placed carelessly. */
export const longLabel = 'Barcelona Clinic Liver Cancer stage with macrovascular invasion';

/**
 * The tests every figure type must pass (issue 20): it serializes to SVG, rasterizes to PNG and writes a PDF,
 * and no two of its text boxes (measured with the embedded font) overlap. Call inside a `describe`.
 */
export function everyFormatTests(figures: Record<string, () => SvgElement>): void {
  for (const [name, make] of Object.entries(figures)) {
    it(`${name}: renders to SVG and PNG with long labels and wide CIs, and no two text boxes overlap`, () => {
      const el = make();
      expect(svgToString(el)).toMatch(/^<svg/);
      expect(renderPng(el, { dpi: 96 }).subarray(1, 4)).toEqual(new Uint8Array([80, 78, 71]));
      expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
      const [, , width, height] = String(el.attributes.viewBox).split(' ').map(Number);
      const outside = textBoxes(el).filter(
        (b) => b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5,
      );
      expect(outside.map((b) => b.text)).toEqual([]);
    });
    it.skipIf(!hasPdfkit)(`${name}: renders to PDF`, async () => {
      const pdf = await renderPdf(make());
      expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    });
  }
}
