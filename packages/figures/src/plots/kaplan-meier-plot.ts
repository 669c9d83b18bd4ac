import type { KaplanMeierCurve, KaplanMeierResult } from '@tace/survival';
import { curveStepAfter, area as d3Area, line, scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { type LegendEntry, legend, legendLeft } from '../base/legend.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue, seriesColor } from '../base/theme.js';

/** Options for {@link kaplanMeierPlot}. `height` is that of the plot without the risk table. */
export interface KaplanMeierPlotOptions extends FigureOptions {
  /** x-axis label (state the unit). @default 'Time (months)' */
  xLabel?: string;
  /** @default 'Overall survival' */
  yLabel?: string;
  /** Draw the pointwise confidence band (shaded). @default true, false when `confidenceLimits` */
  confidenceBands?: boolean;
  /** Draw the pointwise confidence limits as dashed, lighter lines in the curve's color. @default false */
  confidenceLimits?: boolean;
  /** A p-value to print as `Log-rank p = ...` (e.g. `logRank(...).pValue`). @default undefined */
  pValue?: number;
  /** Times of the numbers-at-risk table. @default the x-axis ticks */
  riskTimes?: number[];
  /** Extra text under the p-value (e.g. 'HR 2.1 (1.5-2.9)'). @default undefined */
  annotation?: string;
}

/** Number at risk at time t on a Kaplan-Meier curve: subjects with follow-up >= t. */
export function numberAtRisk(curve: KaplanMeierCurve, t: number): number {
  for (let i = 0; i < curve.time.length; i++) if (curve.time[i] >= t) return curve.nRisk[i];
  return 0;
}

type Step = [time: number, survival: number, lower: number, upper: number];

function steps(curve: KaplanMeierCurve): Step[] {
  const points: Step[] = [[0, 1, 1, 1]];
  for (let i = 0; i < curve.time.length; i++)
    points.push([curve.time[i], curve.survival[i], curve.lower[i], curve.upper[i]]);
  return points;
}

/**
 * Kaplan-Meier curves by group as R `survminer::ggsurvplot` draws them: one step curve per group from
 * (0, 1), the confidence band (or dashed limits), censoring ticks, the group sizes in the legend, the
 * log-rank p-value and a numbers-at-risk table under the plot. Takes `kaplanMeier(...)`'s result directly.
 * Curves are `path.series` elements with `data-group`.
 * @example kaplanMeierPlot(km, { pValue: logRank(table, columns).pValue, title: 'OS by risk group' })
 */
export function kaplanMeierPlot(km: KaplanMeierResult, options: KaplanMeierPlotOptions = {}): SvgElement {
  const groups = km.curves.length;
  const tableHeight = 22 + 16 * groups;
  const area = plotArea({
    ...options,
    height: (options.height ?? 420) + tableHeight,
    margin: options.margin ?? { top: 40, right: 24, bottom: 56 + tableHeight, left: 110 },
  });
  const t = area.theme;
  let maxTime = 0;
  for (const curve of km.curves)
    if (curve.time.length > 0) maxTime = Math.max(maxTime, curve.time[curve.time.length - 1]);
  const x = scaleLinear()
    .domain([0, maxTime || 1])
    .range([area.left, area.right])
    .nice();
  const y = scaleLinear().domain([0, 1]).range([area.bottom, area.top]);
  const riskTimes = options.riskTimes ?? x.ticks(6);
  const limits = options.confidenceLimits ?? false;
  const bands = options.confidenceBands ?? !limits;
  const stepLine = (value: (p: Step) => number) =>
    line<Step>()
      .defined((p) => Number.isFinite(value(p)))
      .x((p) => x(p[0]))
      .y((p) => y(value(p)))
      .curve(curveStepAfter);
  const series = km.curves.map((curve, g) => {
    const color = seriesColor(g, t);
    const points = steps(curve);
    const band = d3Area<Step>()
      .defined((p) => Number.isFinite(p[2]) && Number.isFinite(p[3]))
      .x((p) => x(p[0]))
      .y0((p) => y(p[2]))
      .y1((p) => y(p[3]))
      .curve(curveStepAfter);
    const limit = (k: 2 | 3) =>
      svg('path', {
        class: 'series',
        d: stepLine((p) => p[k])(points) ?? '',
        fill: 'none',
        stroke: color,
        'stroke-width': t.lineWidth,
        'stroke-dasharray': '4 3',
        'stroke-opacity': 0.6,
        'data-limit': k === 2 ? 'lower' : 'upper',
      });
    const censored: SvgElement[] = [];
    for (let i = 0; i < curve.time.length; i++) {
      if (curve.nCensor[i] > 0) {
        const cx = x(curve.time[i]);
        const cy = y(curve.survival[i]);
        censored.push(
          svg('line', { x1: cx, x2: cx, y1: cy - 4, y2: cy + 4, stroke: color, class: 'censor' }),
        );
      }
    }
    return [
      bands &&
        svg('path', {
          d: band(points) ?? '',
          fill: color,
          'fill-opacity': 0.15,
          stroke: 'none',
          class: 'ci-band',
        }),
      svg('path', {
        class: 'series',
        d: stepLine((p) => p[1])(points) ?? '',
        fill: 'none',
        stroke: color,
        'stroke-width': t.lineWidth,
        'data-group': curve.group,
      }),
      limits && [limit(2), limit(3)],
      svg('g', { class: 'censor-marks' }, censored),
    ];
  });
  const tableTop = area.bottom + 62;
  const riskTable = svg(
    'g',
    { class: 'risk-table' },
    text(area.left - 100, tableTop, 'Number at risk', { size: t.fontSize, weight: 'bold', theme: t }),
    km.curves.map((curve, g) => [
      text(area.left - 22, tableTop + 16 * (g + 1), curve.group, {
        size: t.fontSize,
        anchor: 'end',
        color: seriesColor(g, t),
        theme: t,
      }),
      riskTimes.map((time) =>
        text(x(time), tableTop + 16 * (g + 1), String(numberAtRisk(curve, time)), {
          size: t.fontSize,
          anchor: 'middle',
          className: 'risk-count',
          theme: t,
        }),
      ),
    ]),
  );
  const entries: LegendEntry[] = km.curves.map((c, g) => ({
    label: groups === 1 ? `n = ${c.n}` : `${c.group} (n = ${c.n})`,
    color: seriesColor(g, t),
  }));
  return figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel ?? 'Overall survival', ticks: 5, format: (v) => v.toFixed(1) }),
    axisBottom(x, area, { label: options.xLabel ?? 'Time (months)' }),
    series,
    legend(entries, { x: legendLeft(area, entries), y: area.top + 8, theme: t }),
    options.pValue !== undefined &&
      text(area.left + 12, area.bottom - 28, `Log-rank ${formatPValue(options.pValue)}`, {
        className: 'p-value',
        theme: t,
      }),
    options.annotation &&
      text(area.left + 12, area.bottom - 12, options.annotation, { size: t.fontSize, theme: t }),
    riskTable,
  ]);
}
