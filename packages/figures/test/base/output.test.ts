import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createTheme, linePlot, palettes, renderPdf, renderPng, svgToString } from '../../src/index.js';

const hasPdfkit = (() => {
  try {
    createRequire(import.meta.url).resolve('pdfkit');
    return true;
  } catch {
    console.warn('pdfkit is not installed: PDF tests skipped (npm install pdfkit)');
    return false;
  }
})();

const plot = (unit?: 'mm' | 'in') =>
  linePlot([{ x: [0, 1, 2], y: [0, 1, 4], label: 'A' }], {
    width: unit === 'mm' ? 85 : undefined,
    height: unit === 'mm' ? 60 : undefined,
    unit,
    theme: createTheme({ baseSize: 8, palette: palettes.tolBright }),
  });

describe('physical size and resolution', () => {
  it('a figure 85 x 60 mm states its size in mm and keeps px user units (96 px per inch)', () => {
    const figure = plot('mm');
    expect(figure.attributes.width).toBe('85mm');
    const [, , w, h] = String(figure.attributes.viewBox).split(' ').map(Number);
    expect(w).toBeCloseTo((85 * 96) / 25.4, 6);
    expect(h).toBeCloseTo((60 * 96) / 25.4, 6);
  });
  it('renderPng(figure, { dpi: 300 }) is 85 mm at 300 dpi wide and records the dpi in pHYs', () => {
    const png = renderPng(plot('mm'), { dpi: 300 });
    const view = new DataView(png.buffer, png.byteOffset);
    expect(Math.abs(view.getUint32(16) - Math.round((85 / 25.4) * 300))).toBeLessThanOrEqual(1);
    const type = String.fromCharCode(...png.subarray(37, 41));
    expect(type).toBe('pHYs');
    expect(view.getUint32(41)).toBe(Math.round(300 / 0.0254));
  });
  it('createTheme({ baseSize }) sets the text sizes', () => {
    const t = createTheme({ baseSize: 8 });
    expect([t.fontSize, t.labelSize, t.titleSize]).toEqual([8, 8.8, 8 * 1.3]);
    expect(svgToString(plot())).toContain('font-size="8"');
  });
});

describe.skipIf(!hasPdfkit)('renderPdf', () => {
  it('writes a one-page vector PDF of the physical size, with the font embedded', async () => {
    const pdf = await renderPdf(plot('mm'));
    const head = new TextDecoder('latin1').decode(pdf.subarray(0, 8));
    expect(head).toBe('%PDF-1.3');
    const body = new TextDecoder('latin1').decode(pdf);
    const box = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(body);
    expect(Number(box?.[1])).toBeCloseTo((85 / 25.4) * 72, 0);
    expect(body).toMatch(/FontFile2/);
  });
});
