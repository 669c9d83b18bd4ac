import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dotPlot, dotPlotData, elementsWithClass } from '../../src/index.js';

// Fixture: test/fixtures/dot-plot/make.R (R 4.2.2, Seurat 4.3.0): DotPlot(obj, features)$data of 4 genes x 60
// cells in 4 identities, log-normalized-like values.
const folder = new URL('../fixtures/dot-plot/', import.meta.url);
const csv = (name: string) =>
  readFileSync(new URL(name, folder), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));

describe('dotPlotData and dotPlot scaling against Seurat DotPlot', () => {
  const [header, ...rows] = csv('input.csv');
  const genes = header.slice(1);
  const cellType = rows.map((r) => r[0]);
  const scores = Object.fromEntries(genes.map((g, k) => [g, rows.map((r) => Number(r[k + 1]))]));
  const seurat = csv('seurat-dotplot.csv')
    .slice(1)
    .map(([type, gene, avg, pct, scaled]) => ({
      type,
      gene,
      avg: Number(avg),
      pct: Number(pct),
      scaled: Number(scaled),
    }));
  const dots = dotPlotData(scores, cellType, { expm1: true });
  const dotOf = (type: string, gene: string) =>
    dots.find((d) => d.cellType === type && d.signature === gene)!;

  it('avg.exp (mean of expm1) and pct.exp / 100 match to 1e-12', () => {
    expect(seurat).toHaveLength(16);
    for (const s of seurat) {
      expect(dotOf(s.type, s.gene).meanScore).toBeCloseTo(s.avg, 12);
      expect(dotOf(s.type, s.gene).fraction).toBeCloseTo(s.pct / 100, 12);
    }
  });
  it('the colour value is avg.exp.scaled (z-score per gene, clipped to [-2.5, 2.5]) to 1e-12', () => {
    const el = dotPlot(dots);
    const value = new Map(
      elementsWithClass(el, 'dot').map((d) => [
        `${d.attributes['data-cell-type']}|${d.attributes['data-signature']}`,
        Number(d.attributes['data-color-value']),
      ]),
    );
    for (const s of seurat) expect(value.get(`${s.type}|${s.gene}`)).toBeCloseTo(s.scaled, 12);
  });
});
