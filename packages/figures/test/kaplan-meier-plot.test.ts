import { kaplanMeier } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import {
  elementsWithClass,
  findElements,
  kaplanMeierFacets,
  kaplanMeierPlot,
  overlappingText,
  svgToString,
  textContent,
} from '../src/index.js';

describe('kaplanMeierPlot', () => {
  const km = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 0, 1, 1, 0, 1], { group: ['a', 'a', 'a', 'b', 'b', 'b'] });

  it('draws one step curve per group, labelled with the group size', () => {
    const el = kaplanMeierPlot(km, { xLabel: 'Days' });
    const paths = findElements(el, 'path').filter((p) => p.attributes.class === 'series');
    expect(paths).toHaveLength(2);
    const text = svgToString(el);
    expect(text).toContain('a (n = 3)');
    expect(text).toContain('Days');
  });

  it('adds two confidence-limit lines per curve on request', () => {
    const el = kaplanMeierPlot(km, { confidenceLimits: true });
    expect(findElements(el, 'path').filter((p) => p.attributes.class === 'series')).toHaveLength(6);
  });

  it('names the time unit on the x axis (timeUnit), and uses the breaks given (break.time.by)', () => {
    const el = kaplanMeierPlot(km, { timeUnit: 'weeks', breaks: 2 });
    expect(svgToString(el)).toContain('Time (weeks)');
    const counts = elementsWithClass(el, 'risk-count').map((e) => textContent(e));
    expect(counts).toEqual(['3', '2', '0', '0', '3', '3', '3', '1']); // times 0, 2, 4, 6
  });
});

describe('kaplanMeierPlot: survminer features', () => {
  // Four groups, follow-up up to 30 (weeks), one long group name.
  const n = 80;
  const time = Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 290) / 10);
  const event = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
  const names = ['BCLC A', 'BCLC B', 'BCLC C', 'Barcelona Clinic Liver Cancer stage D (terminal)'];
  const group = Array.from({ length: n }, (_, i) => names[i % 4]);
  const km = kaplanMeier(time, event, { group });
  const last = Math.max(...time);

  it('stops the risk table within the data: no column past the last follow-up', () => {
    const el = kaplanMeierPlot(km, { breaks: 5, eventsTable: true });
    const axisRight = Math.max(...findElements(el, 'line').map((l) => Number(l.attributes.x2 ?? 0)));
    for (const cell of elementsWithClass(el, 'risk-count'))
      expect(Number(cell.attributes.x)).toBeLessThanOrEqual(axisRight + 0.01);
    const columns = new Set(elementsWithClass(el, 'risk-count').map((c) => c.attributes.x));
    expect(columns.size).toBe(Math.floor(last / 5) + 1);
    expect(elementsWithClass(el, 'event-count').length).toBe(4 * columns.size);
  });
  it('draws no confidence bands for more than two groups unless asked', () => {
    expect(elementsWithClass(kaplanMeierPlot(km), 'ci-band')).toHaveLength(0);
    expect(elementsWithClass(kaplanMeierPlot(km, { confidenceBands: true }), 'ci-band')).toHaveLength(4);
  });
  it('prints the log-rank p and the hazard ratio with its CI; draws median lines', () => {
    const el = kaplanMeierPlot(km, {
      pValue: 0.0004,
      hazardRatio: { estimate: 2.1, lower: 1.5, upper: 2.9, label: 'C vs A' },
      medianLines: true,
    });
    expect(textContent(elementsWithClass(el, 'p-value')[0])).toBe('Log-rank p < 0.001');
    expect(textContent(elementsWithClass(el, 'hazard-ratio')[0])).toBe('HR (C vs A) 2.10 (95% CI 1.50-2.90)');
    expect(elementsWithClass(el, 'median-lines')[0].children.length).toBeGreaterThan(1);
  });
  it('has no overlapping text with long group names and dense breaks', () => {
    const el = kaplanMeierPlot(km, { breaks: 1, eventsTable: true, pValue: 0.03, title: 'OS by stage' });
    expect(overlappingText(el).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
  });
  it('facets by cohort on one time axis, lettered A, B', () => {
    const el = kaplanMeierFacets([
      { title: 'Center 1', km, pValue: 0.01 },
      {
        title: 'Center 2',
        km: kaplanMeier(time.slice(0, 40), event.slice(0, 40), { group: group.slice(0, 40) }),
      },
    ]);
    expect(elementsWithClass(el, 'panel-letter').map((e) => textContent(e))).toEqual(['A', 'B']);
    expect(overlappingText(el)).toEqual([]);
  });
});
