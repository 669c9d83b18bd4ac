import { describe, expect, it } from 'vitest';
import {
  dotPlot,
  dotPlotData,
  elementsWithClass,
  embeddingScatter,
  type SvgElement,
  svgToString,
  textContent,
  volcanoPlot,
} from '../../src/index.js';
import { everyFormatTests, longLabel } from './render-checks.js';

const long = longLabel;

/** A deterministic pseudo-random stream in [0, 1) (a linear congruential generator). */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 2000 genes: most null, 60 up and 40 down, with long names on the strongest ones; p = 0 for one gene. */
function deResult() {
  const u = stream(7);
  const n = 2000;
  const genes = Array.from({ length: n }, (_, i) =>
    i < 12 ? `${long.slice(0, 10 + i * 3)}_${i}` : `GENE${i}`,
  );
  const logFC = new Float64Array(n);
  const pValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const effect = i < 60 ? 1.5 + 3 * u() : i < 100 ? -1.5 - 3 * u() : (u() - 0.5) * 1.6;
    logFC[i] = effect;
    pValue[i] = i < 100 ? 10 ** (-2 - 10 * u()) : u();
  }
  pValue[3] = 0;
  // BH, for the adjusted p
  const order = Array.from(pValue.keys()).sort((a, b) => pValue[a] - pValue[b]);
  const adjustedPValue = new Float64Array(n);
  let running = 1;
  for (let k = n - 1; k >= 0; k--) {
    running = Math.min(running, (pValue[order[k]] * n) / (k + 1));
    adjustedPValue[order[k]] = running;
  }
  return { genes, logFC, pValue, adjustedPValue };
}

/** 3000 cells in 5 clusters (one with a long name), a score rising along x. */
function cells(n = 3000) {
  const u = stream(11);
  const centres = [
    [0, 0],
    [6, 1],
    [3, 7],
    [-5, 5],
    [8, 8],
  ];
  const types = ['T cells', 'Hepatocytes', long, 'Macrophages', 'B cells'];
  const data = new Float32Array(n * 3);
  const label: string[] = [];
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 5;
    data[i * 3] = centres[k][0] + (u() + u() - 1) * 2;
    data[i * 3 + 1] = centres[k][1] + (u() + u() - 1) * 2;
    data[i * 3 + 2] = u();
    label.push(types[k]);
    score[i] = data[i * 3] / 4 + u() - 0.5;
  }
  score[5] = Number.NaN;
  return { obsm: { shape: [n, 3] as [number, number], data }, label, score };
}

const figures: Record<string, () => SvgElement> = {
  volcano: () => volcanoPlot(deResult(), { labelTop: 20, title: long }),
  'dot plot': () => {
    const c = cells(600);
    const group = c.label.map((_, i) => (i % 3 === 0 ? 'high risk' : 'low risk'));
    return dotPlot(
      dotPlotData(
        {
          [long]: c.score,
          Hypoxia: c.score.map((v) => -v),
          'T cell exhaustion': c.score.map((v) => v * v - 0.5),
        },
        c.label,
        { group },
      ),
    );
  },
  'embedding (label)': () => {
    const c = cells();
    return embeddingScatter(c.obsm, { label: c.label, labelsOnData: true, colorTitle: 'Cell type' });
  },
  'embedding (score)': () => {
    const c = cells();
    return embeddingScatter(c.obsm, { score: c.score, colorTitle: long.slice(0, 30), dimensions: [0, 1] });
  },
};

describe('biology figures: SVG, PNG, PDF, no overlapping text', () => {
  everyFormatTests(figures);
});

describe('volcanoPlot', () => {
  const de = deResult();
  const el = volcanoPlot(de, { labelTop: 20 });
  it('classes genes by the adjusted p and effect cut-offs, with the counts in the legend', () => {
    let up = 0;
    let down = 0;
    for (let i = 0; i < de.genes.length; i++)
      if (de.adjustedPValue[i] <= 0.05 && Math.abs(de.logFC[i]) >= 1) de.logFC[i] > 0 ? up++ : down++;
    expect(elementsWithClass(el, 'points-up')[0].attributes['data-n']).toBe(up);
    expect(elementsWithClass(el, 'points-down')[0].attributes['data-n']).toBe(down);
    expect(textContent(el)).toContain(`Up (n = ${up})`);
    expect(textContent(el)).toContain(`Down (n = ${down})`);
  });
  it('labels the top genes (p = 0 capped and counted), each label once', () => {
    const labels = elementsWithClass(el, 'gene-label').map((e) => textContent(e));
    const dropped = String(el.attributes['data-labels-dropped']).split(',').filter(Boolean);
    expect(labels.length + dropped.length).toBe(20);
    expect(labels.length).toBeGreaterThanOrEqual(15);
    expect(new Set(labels).size).toBe(labels.length);
    expect(el.attributes['data-p-capped']).toBe(1);
    expect(labels).toContain(de.genes[3]);
  });
  it('labels the genes asked for, and counts genes with a missing p', () => {
    const p = Float64Array.from(de.pValue);
    p[500] = Number.NaN;
    const chosen = volcanoPlot({ ...de, pValue: p }, { labels: ['GENE20', 'GENE500', 'GENE1500'] });
    expect(elementsWithClass(chosen, 'gene-label').map((e) => textContent(e))).toEqual([
      'GENE20',
      'GENE1500',
    ]);
    expect(chosen.attributes['data-omitted']).toBe(1);
  });
  it('rejects a missing adjusted p when asked for, and mismatched lengths', () => {
    const { adjustedPValue: _, ...raw } = de;
    expect(() => volcanoPlot(raw, { y: 'adjustedPValue' })).toThrow(/adjusted/);
    expect(() => volcanoPlot({ ...de, logFC: de.logFC.subarray(1) })).toThrow(/length/i);
  });
});

describe('dotPlotData and dotPlot', () => {
  it('computes the mean and the fraction above the threshold per cell type x group, as Seurat DotPlot', () => {
    const dots = dotPlotData({ S: [1, -1, 2, 0, 3, Number.NaN] }, ['A', 'A', 'A', 'B', 'B', 'B'], {
      group: ['g', 'g', 'h', 'g', 'g', 'g'],
    });
    expect(dots).toEqual([
      { signature: 'S', cellType: 'A', group: 'g', meanScore: 0, fraction: 0.5, nCells: 2 },
      { signature: 'S', cellType: 'A', group: 'h', meanScore: 2, fraction: 1, nCells: 1 },
      { signature: 'S', cellType: 'B', group: 'g', meanScore: 1.5, fraction: 0.5, nCells: 2 },
    ]);
  });
  it('draws one dot per entry with radius proportional to the fraction, and rejects percentages', () => {
    const el = dotPlot(
      [
        { signature: 'S', cellType: 'A', meanScore: 1, fraction: 1 },
        { signature: 'S', cellType: 'B', meanScore: 0, fraction: 0.5 },
      ],
      { maxRadius: 8 },
    );
    expect(elementsWithClass(el, 'dot').map((d) => d.attributes.r)).toEqual([8, 4]);
    expect(() => dotPlot([{ signature: 'S', cellType: 'A', meanScore: 1, fraction: 50 }])).toThrow(/percent/);
  });
});

describe('embeddingScatter', () => {
  it('takes an obsm matrix, counts missing coordinates and writes the category names at their medians', () => {
    const c = cells(500);
    c.obsm.data[0] = Number.NaN;
    const el = embeddingScatter(c.obsm, { label: c.label, labelsOnData: true });
    expect(el.attributes['data-omitted']).toBe(1);
    expect(elementsWithClass(el, 'centroid-label')).toHaveLength(5);
    expect(elementsWithClass(el, 'cells').reduce((s, p) => s + Number(p.attributes['data-n']), 0)).toBe(499);
    expect(() => embeddingScatter(c.obsm, { dimensions: [0, 3] })).toThrow(/dimension/);
  });
  it('gives 12 categories 12 distinct colours (scanpy default_20 past the 8 of the theme)', () => {
    const c = cells(240);
    const label = c.label.map((_, i) => `cluster ${i % 12}`);
    const fills = elementsWithClass(embeddingScatter(c.obsm, { label }), 'cells').map(
      (p) => p.attributes.fill,
    );
    expect(new Set(fills).size).toBe(12);
  });
  it('keeps 100 000 cells a vector SVG of a few MB', () => {
    const c = cells(100_000);
    const el = embeddingScatter(c.obsm, { score: c.score });
    const bytes = svgToString(el).length;
    console.log(
      `embeddingScatter 100 000 cells: ${(bytes / 1e6).toFixed(2)} MB SVG, ${el.attributes['data-points-drawn']} points drawn`,
    );
    expect(bytes).toBeLessThan(4e6);
  });
});
