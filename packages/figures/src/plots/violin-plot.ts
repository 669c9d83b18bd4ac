import {
  assertOneOf,
  kruskalWallis,
  type PAdjustMethod,
  pAdjust,
  TaceError,
  wilcoxonRankSum,
} from '@tace/core';
import { scaleBand, scaleLinear } from 'd3';
import { axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor } from '../base/theme.js';

/** Values of one group (e.g. a signature score in the high-risk group). */
export interface ViolinGroup {
  label: string;
  values: ArrayLike<number>;
}

/** One panel: groups side by side with a p-value bracket (e.g. one cohort or one cell type). */
export interface ViolinPanel {
  title: string;
  groups: ViolinGroup[];
  /**
   * p-value of the comparison computed elsewhere (e.g. `compareGroups`), shown above the panel as is; when
   * given, the panel is not tested again. @default undefined (computed as `options.test` says)
   */
  pValue?: number;
  /** Adjusted p-value computed elsewhere, shown as q under `pValue`. @default undefined */
  adjustedPValue?: number;
}

/** The test of each panel's groups (ggpubr `stat_compare_means(method)`). */
export type ViolinTest = 'auto' | 'wilcoxon' | 'kruskal-wallis' | 'none';

/** Options of {@link violinPlot} and {@link violinTests}. */
export interface ViolinPlotOptions extends FigureOptions {
  /** @default 'Score' */
  yLabel?: string;
  /**
   * Test of each panel without a `pValue`: Wilcoxon rank-sum (`wilcox.test`, exact below 50 per group
   * without ties, else normal with continuity correction) for two groups, Kruskal-Wallis (`kruskal.test`)
   * for more, as ggpubr's `stat_compare_means` defaults; `'none'` draws no test. @default 'auto'
   */
  test?: ViolinTest;
  /**
   * Adjustment of the computed p-values across the panels (R `p.adjust(method)`), shown as q under p;
   * `'none'` shows p only. @default 'BH'
   */
  pAdjust?: PAdjustMethod;
}

/** The test of one panel, as {@link violinTests} reports it. */
export interface ViolinPanelTest {
  title: string;
  /** `'Wilcoxon'`, `'Kruskal-Wallis'`, or `'given'` (the panel's own pValue). */
  method: 'Wilcoxon' | 'Kruskal-Wallis' | 'given' | 'none';
  /** W (Wilcoxon: rank sum of the first group minus n1(n1 + 1)/2) or H (Kruskal-Wallis); NaN when given. */
  statistic: number;
  pValue: number;
  /** Adjusted across the tested panels (`options.pAdjust`); the panel's own when given, else NaN. */
  adjustedPValue: number;
  /** Non-missing values per group. */
  n: number[];
}

const finiteCount = (values: ArrayLike<number>) => Array.from(values).filter(Number.isFinite).length;

/**
 * The test behind each violin panel: Wilcoxon rank-sum for two groups or Kruskal-Wallis for more (core's
 * `wilcoxonRankSum` / `kruskalWallis`, as R `wilcox.test` / `kruskal.test`), the p-values adjusted across the
 * panels (Benjamini-Hochberg by default), as `ggpubr::compare_means(..., p.adjust.method = "BH")`. A panel
 * with a group without values gets p = NaN (not counted in the adjustment). Panels with their own `pValue`
 * keep it.
 * @example violinTests([{ title: 'Hypoxia', groups: [{ label: 'low', values: low }, { label: 'high', values: high }] }])[0].pValue
 */
export function violinTests(
  panels: readonly ViolinPanel[],
  options: ViolinPlotOptions = {},
): ViolinPanelTest[] {
  const test = options.test ?? 'auto';
  assertOneOf(test, 'test', ['auto', 'wilcoxon', 'kruskal-wallis', 'none']);
  const results = panels.map((panel): ViolinPanelTest => {
    const n = panel.groups.map((g) => finiteCount(g.values));
    const base = { title: panel.title, statistic: Number.NaN, n };
    if (panel.pValue !== undefined)
      return {
        ...base,
        method: 'given',
        pValue: panel.pValue,
        adjustedPValue: panel.adjustedPValue ?? Number.NaN,
      };
    if (test === 'none') return { ...base, method: 'none', pValue: Number.NaN, adjustedPValue: Number.NaN };
    const wilcoxon = test === 'wilcoxon' || (test === 'auto' && panel.groups.length === 2);
    if (wilcoxon && panel.groups.length !== 2)
      throw new TaceError(
        'INVALID_ARGUMENT',
        `Wilcoxon needs two groups; panel "${panel.title}" has ${panel.groups.length}`,
        {
          param: 'test',
          remedy: "use test: 'kruskal-wallis' (or 'auto') for more than two groups",
        },
      );
    const method = wilcoxon ? 'Wilcoxon' : 'Kruskal-Wallis';
    if (n.filter((k) => k > 0).length < 2 || (wilcoxon && n.some((k) => k === 0)))
      return { ...base, method, pValue: Number.NaN, adjustedPValue: Number.NaN };
    if (wilcoxon) {
      const r = wilcoxonRankSum(panel.groups[0].values, panel.groups[1].values);
      return { ...base, method, statistic: r.statistic, pValue: r.pValue, adjustedPValue: Number.NaN };
    }
    const values = panel.groups.flatMap((g) => Array.from(g.values));
    const labels = panel.groups.flatMap((g, k) => Array.from(g.values, () => k));
    const r = kruskalWallis(values, labels);
    return { ...base, method, statistic: r.statistic, pValue: r.pValue, adjustedPValue: Number.NaN };
  });
  const tested = results.filter((r) => r.method === 'Wilcoxon' || r.method === 'Kruskal-Wallis');
  const adjusted = pAdjust(
    tested.map((r) => r.pValue),
    options.pAdjust ?? 'BH',
  );
  tested.forEach((r, i) => {
    r.adjustedPValue = options.pAdjust === 'none' ? Number.NaN : adjusted[i];
  });
  return results;
}

/** The lines of a panel's test label, as ggpubr writes them: "Wilcoxon, p = 0.003" and "BH q = 0.012". */
function testLines(result: ViolinPanelTest, adjust: PAdjustMethod): string[] {
  if (result.method === 'none') return [];
  const p = formatPValue(result.pValue);
  const lines = [result.method === 'given' ? p : `${result.method}, ${p}`];
  if (Number.isFinite(result.adjustedPValue))
    lines.push(
      `${result.method === 'given' ? '' : `${adjust} `}${formatPValue(result.adjustedPValue).replace(/^p/, 'q')}`,
    );
  return lines;
}

/** Quartiles by linear interpolation (R type 7), on a sorted copy. */
function quartiles(values: Float64Array): [number, number, number] {
  const at = (p: number) => {
    const h = (values.length - 1) * p;
    const lo = Math.floor(h);
    return values[lo] + (h - lo) * ((values[Math.min(lo + 1, values.length - 1)] ?? values[lo]) - values[lo]);
  };
  return [at(0.25), at(0.5), at(0.75)];
}

/** Gaussian kernel density at `points` with Silverman's bandwidth (R `bw.nrd0`). */
function density(values: Float64Array, points: Float64Array): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  const [q1, , q3] = quartiles(values);
  const spread = Math.min(sd, (q3 - q1) / 1.34) || sd || 1;
  const bandwidth = 0.9 * spread * n ** -0.2;
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.exp(-0.5 * ((points[i] - values[j]) / bandwidth) ** 2);
    out[i] = sum / (n * bandwidth * Math.sqrt(2 * Math.PI));
  }
  return out;
}

/**
 * Violin plots with an inner box (quartiles, median) and n per group, panels side by side (per cohort, per
 * cell type, per signature), and each panel's test above a bracket, as ggpubr's `stat_compare_means`:
 * "Wilcoxon, p = 0.003" and the Benjamini-Hochberg q across panels ("BH q = 0.012"), computed by
 * {@link violinTests} unless the panel brings its own `pValue` (e.g. from `compareGroups`). Labels are
 * ellipsized to their panel; no two overlap.
 * @example
 * ```ts
 * violinPlot(signatures.map((s) => ({ title: s, groups: [{ label: 'low', values: low[s] }, { label: 'high', values: high[s] }] })));
 * ```
 */
export function violinPlot(panels: readonly ViolinPanel[], options: ViolinPlotOptions = {}): SvgElement {
  const tests = violinTests(panels, options);
  const adjust = options.pAdjust ?? 'BH';
  const lines = tests.map((r) => testLines(r, adjust));
  const maxLines = Math.max(0, ...lines.map((l) => l.length));
  const area = plotArea(options, {
    width: Math.max(480, 170 * panels.length + 100),
    height: 430,
    margin: { top: options.title ? 36 : 12, right: 20, bottom: 60, left: 55 },
  });
  const t = area.theme;
  const lineHeight = t.fontSize + 3;
  const headroom = maxLines > 0 ? 12 + maxLines * lineHeight : 6;
  const all = panels.flatMap((p) => p.groups.flatMap((g) => Array.from(g.values))).filter(Number.isFinite);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low) * 0.12 || 1;
  const y = scaleLinear()
    .domain([low - pad * 0.3, high + pad * 0.1])
    .range([area.bottom, area.top + headroom]);
  const outer = scaleBand()
    .domain(panels.map((p) => p.title))
    .range([area.left, area.right])
    .padding(0.12);
  const marks: SvgElement[] = [];
  const labels = [...new Set(panels.flatMap((p) => p.groups.map((g) => g.label)))];
  for (const [k, panel] of panels.entries()) {
    const inner = scaleBand()
      .domain(panel.groups.map((g) => g.label))
      .range([0, outer.bandwidth()])
      .padding(0.15);
    const x0 = outer(panel.title) ?? 0;
    for (const group of panel.groups) {
      const values = Float64Array.from(group.values).filter(Number.isFinite).sort();
      if (values.length === 0) continue;
      const cx = x0 + (inner(group.label) ?? 0) + inner.bandwidth() / 2;
      const grid = new Float64Array(40);
      for (let i = 0; i < grid.length; i++)
        grid[i] = values[0] + ((values[values.length - 1] - values[0]) * i) / (grid.length - 1);
      const dens = density(values, grid);
      const maxDensity = Math.max(...dens) || 1;
      const halfWidth = inner.bandwidth() / 2;
      const right = Array.from(grid, (v, i) => `${cx + (dens[i] / maxDensity) * halfWidth},${y(v)}`);
      const left = Array.from(grid, (v, i) => `${cx - (dens[i] / maxDensity) * halfWidth},${y(v)}`).reverse();
      const color = seriesColor(labels.indexOf(group.label), t);
      const [q1, median, q3] = quartiles(values);
      marks.push(
        svg(
          'g',
          { class: 'violin', 'data-panel': panel.title, 'data-group': group.label, 'data-n': values.length },
          [
            svg('polygon', {
              points: [...right, ...left].join(' '),
              fill: color,
              'fill-opacity': 0.35,
              stroke: color,
            }),
            svg('rect', {
              x: cx - 4,
              y: y(q3),
              width: 8,
              height: Math.max(1, y(q1) - y(q3)),
              fill: '#ffffff',
              stroke: t.foreground,
            }),
            svg('line', {
              x1: cx - 4,
              x2: cx + 4,
              y1: y(median),
              y2: y(median),
              stroke: t.foreground,
              'stroke-width': 2,
              class: 'median',
            }),
            text(cx, area.bottom + 18, ellipsize(group.label, inner.step(), t.fontSize), {
              anchor: 'middle',
              size: t.fontSize,
              theme: t,
            }),
            text(cx, area.bottom + 18 + t.fontSize + 3, `n = ${values.length}`, {
              anchor: 'middle',
              size: t.fontSize * 0.9,
              theme: t,
              className: 'group-n',
            }),
          ],
        ),
      );
    }
    marks.push(
      text(
        x0 + outer.bandwidth() / 2,
        area.bottom + 22 + 2 * t.fontSize + 6,
        ellipsize(panel.title, outer.step(), t.fontSize, 'bold'),
        {
          anchor: 'middle',
          weight: 'bold',
          size: t.fontSize,
          theme: t,
        },
      ),
    );
    if (lines[k].length > 0) {
      const yb = y(high + pad * 0.1) - 4;
      const x1 = x0 + inner.bandwidth() / 2 + (inner(panel.groups[0]?.label ?? '') ?? 0);
      const last = panel.groups[panel.groups.length - 1]?.label ?? '';
      const x2 = x0 + inner.bandwidth() / 2 + (inner(last) ?? 0);
      marks.push(
        svg(
          'g',
          {
            class: 'p-bracket',
            'data-method': tests[k].method,
            'data-p': tests[k].pValue,
            'data-q': tests[k].adjustedPValue,
          },
          svg('path', {
            d: `M${x1},${yb + 4}V${yb}H${x2}V${yb + 4}`,
            fill: 'none',
            stroke: t.foreground,
          }),
          lines[k].map((line, j) =>
            text(
              x0 + outer.bandwidth() / 2,
              yb - 4 - (lines[k].length - 1 - j) * lineHeight,
              ellipsize(line, outer.step() - 4, t.fontSize),
              { anchor: 'middle', size: t.fontSize, theme: t, className: j === 0 ? 'p-value' : 'q-value' },
            ),
          ),
        ),
      );
    }
  }
  return figure(area, options.title, [axisLeft(y, area, { label: options.yLabel ?? 'Score' }), ...marks]);
}
