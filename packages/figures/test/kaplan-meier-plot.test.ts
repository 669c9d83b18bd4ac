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
import { linesThroughText } from './plots/render-checks.js';

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

describe('kaplanMeierPlot: the p-value block keeps clear of what is drawn (issue 20)', () => {
  // Two groups: 'early' falls fast (median ~1.5, its median line runs through the bottom left), 'late' has
  // a long tail to 20.
  const n = 60;
  const time = Array.from({ length: n }, (_, i) =>
    i % 2 === 0 ? 0.2 + ((i * 7) % 30) / 10 : 2 + ((i * 11) % 30) * 0.6,
  );
  const event = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1));
  const group = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'early' : 'late'));
  const km = kaplanMeier(time, event, { group });
  const notes = ['p-value', 'hazard-ratio', 'annotation'];
  const options = {
    pValue: 0.012,
    hazardRatio: { estimate: 1.8, lower: 1.1, upper: 2.9, label: 'late vs early' },
    annotation: 'Cox model, stratified',
    medianLines: true,
  };

  it('a fixed bottom-left block is crossed by median lines (what the check catches)', () => {
    const el = kaplanMeierPlot(km, { ...options, pValuePosition: 'bottom-left' });
    expect(linesThroughText(el, notes).length).toBeGreaterThan(0);
  });
  it("'auto' (the default) puts it where no curve, censor mark, median line or band passes", () => {
    const el = kaplanMeierPlot(km, options);
    expect(linesThroughText(el, notes)).toEqual([]);
    expect(overlappingText(el)).toEqual([]);
  });
  it('takes a data position as pval.coord does', () => {
    const el = kaplanMeierPlot(km, { ...options, pValuePosition: [0, 0.3] });
    const p = elementsWithClass(el, 'p-value')[0];
    const axisX = Math.min(
      ...findElements(el, 'path')
        .filter((e) => e.attributes.class === 'series')
        .map((e) => Number(/M([-\d.]+)/.exec(String(e.attributes.d))?.[1])),
    );
    expect(Number(p.attributes.x)).toBeCloseTo(axisX, 2);
  });
  it('keeps clear of the curves in every facet too', () => {
    const el = kaplanMeierFacets(
      [
        { title: 'Center 1', km, pValue: 0.01, hazardRatio: options.hazardRatio },
        {
          title: 'Center 2',
          km: kaplanMeier(time.slice(0, 30), event.slice(0, 30), { group: group.slice(0, 30) }),
          pValue: 0.2,
        },
      ],
      { medianLines: true },
    );
    expect(linesThroughText(el, notes)).toEqual([]);
  });
  it('keeps clear of the curves with more groups, bands and limits', () => {
    const el = kaplanMeierPlot(
      kaplanMeier(time, event, { group: time.map((t, i) => `g${(i * 3 + Math.round(t)) % 4}`) }),
      {
        ...options,
        confidenceLimits: true,
      },
    );
    expect(linesThroughText(el, notes)).toEqual([]);
  });
});

describe('kaplanMeierFacets: units and per-panel risk tables (issue 20)', () => {
  const long = kaplanMeier([2, 5, 9, 14, 16, 3, 7, 11], [1, 0, 1, 1, 0, 1, 1, 0], {
    group: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b'],
  });
  const short = kaplanMeier([1, 2, 4, 6, 3, 5, 7], [1, 0, 1, 0, 1, 1, 0], {
    group: ['a', 'a', 'a', 'a', 'b', 'b', 'b'],
  });

  it('draws panels of the size given in mm, not px', () => {
    const el = kaplanMeierFacets(
      [
        { title: 'Long', km: long },
        { title: 'Short', km: short },
      ],
      { width: 85, height: 60, unit: 'mm', columns: 2 },
    );
    const [, , width] = String(el.attributes.viewBox).split(' ').map(Number);
    // Two panels of 85 mm (321 px) and a 12 px gap.
    expect(width).toBeCloseTo((2 * (85 * 96)) / 25.4 + 12, 6);
    expect(el.attributes.width).toBe(
      `${Number((width / (96 / 25.4)).toFixed(4))}mm`.replace(/\.?0+mm$/, 'mm'),
    );
  });
  it("stops each panel's risk table at that panel's last follow-up, on a shared axis", () => {
    const el = kaplanMeierFacets(
      [
        { title: 'Long', km: long },
        { title: 'Short', km: short },
      ],
      { breaks: 2, columns: 2 },
    );
    const panels = elementsWithClass(el, 'panel');
    const cells = panels.map((p) => elementsWithClass(p, 'risk-count').map((c) => textContent(c)));
    expect(cells[0].length).toBe(2 * 9); // times 0, 2, ..., 16
    expect(cells[1].length).toBe(2 * 4); // times 0, 2, 4, 6 only (last follow-up 7)
    expect(cells[1]).not.toContain(undefined);
    expect(cells[1].slice(0, 4)).toEqual(['4', '3', '2', '1']);
  });
});

describe('kaplanMeierPlot: group order from kaplanMeier levels (issue 20)', () => {
  it('draws curves, legend and risk-table rows in the levels order', () => {
    const km = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 0, 1, 1, 0, 1], {
      group: ['b', 'b', 'a', 'a', 'b', 'a'],
      levels: ['b', 'a'],
    });
    const el = kaplanMeierPlot(km);
    const curves = findElements(el, 'path').filter((p) => p.attributes['data-group'] !== undefined);
    expect(curves.map((p) => p.attributes['data-group'])).toEqual(['b', 'a']);
    expect(elementsWithClass(el, 'table-label').map((e) => textContent(e))).toEqual(['b', 'a']);
    expect(elementsWithClass(el, 'legend-entry').map((e) => textContent(e))).toEqual([
      'b (n = 3)',
      'a (n = 3)',
    ]);
  });
});
