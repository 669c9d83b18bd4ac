import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  ellipsize,
  fontFiles,
  measureText,
  svg,
  svgToString,
  text,
  textWidth,
  thinLabels,
  wrapText,
} from '../../src/index.js';

/** Ink width of one line of text as resvg draws it with the embedded font. */
function renderedWidth(content: string, size: number): number {
  const tree = svg('svg', { width: 2000, height: 100 }, text(10, 60, content, { size }));
  const r = new Resvg(svgToString(tree), { font: { fontFiles: fontFiles(), loadSystemFonts: false } });
  const box = r.getBBox();
  return box ? box.width : 0;
}

describe('measureText', () => {
  it('matches the ink width resvg draws with DejaVu Sans within 2 px + 3% (side bearings, kerning)', () => {
    for (const s of ['Overall survival', 'p < 0.001', 'HR 2.14 (1.52-3.01)', 'WWWWiiii', '0.1 0.2 10000']) {
      const measured = textWidth(s, 12);
      const drawn = renderedWidth(s, 12);
      expect(Math.abs(measured - drawn), `${s}: ${measured} vs ${drawn}`).toBeLessThan(2 + 0.03 * drawn);
    }
  });
  it('is proportional: "W" is wider than "i", width scales with the size', () => {
    expect(textWidth('W', 10)).toBeGreaterThan(2 * textWidth('i', 10));
    expect(textWidth('abc', 20)).toBeCloseTo(2 * textWidth('abc', 10), 10);
    expect(measureText('x', 10).ascent).toBeGreaterThan(7);
  });
  it('bold is wider than regular', () => {
    expect(textWidth('Total points', 10, 'bold')).toBeGreaterThan(textWidth('Total points', 10));
  });
});

describe('ellipsize, wrapText, thinLabels', () => {
  it('ellipsize(text, width) fits and ends with an ellipsis', () => {
    const s = ellipsize('Extrahepatic spread (yes vs no)', 80, 10);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s, 10)).toBeLessThanOrEqual(80);
    expect(ellipsize('AFP', 80, 10)).toBe('AFP');
  });
  it('wrapText breaks at spaces into lines that fit', () => {
    const lines = wrapText('Barcelona Clinic Liver Cancer stage', 100, 10);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(100);
  });
  it('thinLabels keeps every k-th label so that neighbours do not touch', () => {
    expect(thinLabels([0, 10, 20, 30], [8, 8, 8, 8], 2)).toEqual([0, 1, 2, 3]);
    expect(thinLabels([0, 10, 20, 30, 40], [15, 15, 15, 15, 15], 2)).toEqual([0, 2, 4]);
  });
});
