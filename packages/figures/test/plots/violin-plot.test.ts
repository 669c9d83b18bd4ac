import { describe, expect, it } from 'vitest';
import { elementsWithClass, overlappingText, textContent, violinPlot, violinTests } from '../../src/index.js';
import { longLabel } from './render-checks.js';

// R 4.2.2: x, y, z, g from ?wilcox.test and ?kruskal.test; x2, y2 hand-made (no ties: exact p)
//   wilcox.test(x, y)       W = 58, p = 0.1329195 (ties: normal, continuity correction)
//   kruskal.test(z, g)      H = 0.7714286, p = 0.6799648
//   wilcox.test(x2, y2)     W = 29, p = 0.008658009 (exact)
//   p.adjust(c(0.1329195, 0.6799648, 0.008658009), "BH") = 0.199379187277978 0.679964773578894 0.025974025974026
const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const z = [2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0];
const g = [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3];
const panels = [
  {
    title: 'A',
    groups: [
      { label: 'x', values: x },
      { label: 'y', values: y },
    ],
  },
  {
    title: 'B',
    groups: [1, 2, 3].map((k) => ({ label: `g${k}`, values: z.filter((_, i) => g[i] === k) })),
  },
  {
    title: 'C',
    groups: [
      { label: 'x2', values: [5.1, 4.2, 6.3, 7.7, 5.5] },
      { label: 'y2', values: [3.1, 2.2, 4.3, 1.7, 3.9, 2.8] },
    ],
  },
];

describe('violinTests: Wilcoxon / Kruskal-Wallis per panel, BH across panels (as R)', () => {
  const tests = violinTests(panels);
  it('matches R wilcox.test, kruskal.test and p.adjust(method = "BH") to 1e-6', () => {
    expect(tests.map((r) => r.method)).toEqual(['Wilcoxon', 'Kruskal-Wallis', 'Wilcoxon']);
    expect(tests[0].statistic).toBe(58);
    expect(tests[0].pValue).toBeCloseTo(0.1329195, 6);
    expect(tests[1].statistic).toBeCloseTo(0.7714286, 6);
    expect(tests[1].pValue).toBeCloseTo(0.6799648, 6);
    expect(tests[2].statistic).toBe(29);
    expect(tests[2].pValue).toBeCloseTo(0.008658009, 8);
    expect(Array.from(tests, (r) => r.adjustedPValue)).toEqual([
      expect.closeTo(0.199379187277978, 6),
      expect.closeTo(0.679964773578894, 6),
      expect.closeTo(0.025974025974026, 8),
    ]);
    expect(tests[1].n).toEqual([5, 4, 5]);
  });
  it('keeps a panel’s own p, leaves it out of the adjustment, and gives NaN for an empty group', () => {
    const r = violinTests([
      { ...panels[0], pValue: 0.5 },
      panels[2],
      {
        title: 'empty',
        groups: [
          { label: 'a', values: [1, 2] },
          { label: 'b', values: [Number.NaN] },
        ],
      },
    ]);
    expect(r.map((t) => t.method)).toEqual(['given', 'Wilcoxon', 'Wilcoxon']);
    expect(r[0].pValue).toBe(0.5);
    expect(r[1].adjustedPValue).toBeCloseTo(0.008658009, 8); // the only p adjusted
    expect(r[2].pValue).toBeNaN();
    expect(() => violinTests([panels[1]], { test: 'wilcoxon' })).toThrow(/two groups/);
  });
});

describe('violinPlot', () => {
  it('writes n per group and "Wilcoxon, p" / "BH q" per panel, as ggpubr', () => {
    const el = violinPlot(panels);
    expect(elementsWithClass(el, 'group-n').map((e) => textContent(e))).toEqual([
      'n = 9',
      'n = 9',
      'n = 5',
      'n = 4',
      'n = 5',
      'n = 5',
      'n = 6',
    ]);
    expect(elementsWithClass(el, 'p-value').map((e) => textContent(e))).toEqual([
      'Wilcoxon, p = 0.13',
      'Kruskal-Wallis, p = 0.68',
      'Wilcoxon, p = 0.009',
    ]);
    expect(elementsWithClass(el, 'q-value').map((e) => textContent(e))).toEqual([
      'BH q = 0.20',
      'BH q = 0.68',
      'BH q = 0.03',
    ]);
    expect(overlappingText(el)).toEqual([]);
  });
  it('keeps labels apart with long titles, long group names and narrow panels', () => {
    const el = violinPlot(
      panels.map((p) => ({
        ...p,
        title: `${longLabel} ${p.title}`,
        groups: p.groups.map((gr) => ({ ...gr, label: `${longLabel} ${gr.label}` })),
      })),
      { width: 420, title: longLabel },
    );
    expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
  });
  it('draws no test with test: "none"', () => {
    expect(elementsWithClass(violinPlot(panels, { test: 'none' }), 'p-bracket')).toHaveLength(0);
  });
});
