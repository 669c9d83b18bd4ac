import { coxph } from '@tace/survival';
import { describe, expect, it } from 'vitest';
import { elementsWithClass, forestPlot, overlappingText, textContent } from '../../src/index.js';

/** A small deterministic cohort: stage (A/B/C), ECOG (0/1) and log AFP. */
function cohort(n = 120) {
  const stage = Array.from({ length: n }, (_, i) => ['A', 'B', 'C'][i % 3]);
  const ecog = Array.from({ length: n }, (_, i) => (i % 5 < 2 ? 'ECOG 1' : 'ECOG 0'));
  const afp = Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 40) / 10);
  const time = Array.from({ length: n }, (_, i) => 2 + ((i * 7919) % 97) / (1 + (i % 3)) / (afp[i] / 2));
  const status = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1));
  return { stage, ecog, afp, time, status };
}

describe('forestPlot of a Cox model', () => {
  const fit = coxph(cohort(), { time: 'time', event: 'status', covariates: ['afp', 'stage', 'ecog'] });
  const el = forestPlot(fit, { labels: { afp: 'AFP (log10 ng/mL)', stage: 'BCLC stage', ecog: 'ECOG PS' } });
  const labels = elementsWithClass(el, 'row-label').map((e) => textContent(e));

  it('labels rows by variable and level name, with a reference row per categorical variable', () => {
    expect(labels).toEqual(['AFP (log10 ng/mL)', 'BCLC stage', 'A', 'B', 'C', 'ECOG PS', 'ECOG 0', 'ECOG 1']);
    expect(elementsWithClass(el, 'reference-level')).toHaveLength(2);
    expect(elementsWithClass(el, 'interval-text').map((e) => textContent(e))).toContain('Reference');
  });
  it('prints n and events per level that add up to the model', () => {
    const rows = elementsWithClass(el, 'forest-row');
    const nOf = (label: string) => {
      const row = rows.find((r) => r.attributes['data-label'] === label);
      return Number(
        textContent(
          row?.children.find((c) => typeof c !== 'string' && c.attributes['text-anchor'] === 'end') ?? '',
        ),
      );
    };
    expect(nOf('A') + nOf('B') + nOf('C')).toBe(120);
    expect(nOf('ECOG 0') + nOf('ECOG 1')).toBe(120);
  });
  it('has no overlapping text', () => {
    expect(overlappingText(el)).toEqual([]);
  });
});

describe('forestPlot of rows', () => {
  it('keeps the log-axis tick labels apart with one CI from 50 to 10000 and long labels', () => {
    const el = forestPlot([
      { label: 'Rad-score', estimate: 2, lower: 1.5, upper: 2.7, pValue: 1e-5 },
      {
        label: 'Extrahepatic spread with macrovascular invasion (yes vs no)',
        estimate: 700,
        lower: 50,
        upper: 10000,
        pValue: 0.2,
      },
      { label: 'Albumin', estimate: 0.5, lower: 0.3, upper: 0.9, pValue: 0.02 },
    ]);
    expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
    const ticks = elementsWithClass(el, 'tick').map((e) => textContent(e));
    expect(ticks).toEqual(['0.1', '1', '10', '100', '1000', '10000']);
  });
});
