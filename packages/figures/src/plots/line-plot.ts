import { assertOneOf, assertSameLength } from '@tace/core';
import { curveLinear, curveStepAfter, line, scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { finiteExtent } from '../base/extent.js';
import { figure } from '../base/figure.js';
import { type LegendEntry, legend, legendLeft } from '../base/legend.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { seriesColor } from '../base/theme.js';

/** One line of a {@link linePlot}, with an optional pointwise interval drawn as whiskers. */
export interface LineSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Legend label (also the path's `data-label`); series without labels are not listed. @default undefined */
  label?: string;
  /** Color. @default the theme palette, in series order */
  color?: string;
  /** Dashed line. @default false */
  dashed?: boolean;
  /** Lower and upper limit at each point (e.g. a confidence interval), drawn as vertical whiskers. @default undefined */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends FigureOptions {
  /** `'linear'` joins points; `'step-after'` holds each value until the next x (survival curves). @default 'linear' */
  curve?: 'linear' | 'step-after';
  /** Axis titles. @default undefined */
  xLabel?: string;
  yLabel?: string;
  /** Fixed x domain; default the data extent, made nice. @default undefined */
  xDomain?: [number, number];
  /** Fixed y domain (e.g. [0, 1] for probabilities); default the data extent (with limits), made nice. @default undefined */
  yDomain?: [number, number];
  /** Draw the identity line y = x (ROC, calibration). @default false */
  diagonal?: boolean;
  /** Draw the points as well as the lines (calibration groups). @default false */
  points?: boolean;
  /** Corner of the plot area the legend sits in. @default 'top-right' */
  legendPosition?: 'top-right' | 'bottom-right';
}

/**
 * Lines through (x, y) points, one per series, as an SVG element tree: the base of the ROC, calibration,
 * decision-curve and coxnet figures. Non-finite points break the line; paths come from d3-shape's `line`.
 * @throws {TaceError} `LENGTH_MISMATCH` when a series' x and y differ in length.
 * @example linePlot([{ x: t, y: s, label: 'Kaplan-Meier' }], { curve: 'step-after', yDomain: [0, 1] })
 */
export function linePlot(series: readonly LineSeries[], options: LinePlotOptions = {}): SvgElement {
  const curve = options.curve ?? 'linear';
  assertOneOf(curve, 'curve', ['linear', 'step-after']);
  for (const [i, s] of series.entries()) assertSameLength([`series[${i}].x`, s.x], [`series[${i}].y`, s.y]);
  const area = plotArea(options, { width: 480, height: 360 });
  const t = area.theme;
  const x = scaleLinear()
    .domain(options.xDomain ?? finiteExtent(...series.map((s) => s.x)))
    .range([area.left, area.right]);
  if (options.xDomain === undefined) x.nice();
  const y = scaleLinear()
    .domain(options.yDomain ?? finiteExtent(...series.flatMap((s) => [s.y, s.lower ?? [], s.upper ?? []])))
    .range([area.bottom, area.top]);
  if (options.yDomain === undefined) y.nice();
  const colors = series.map((s, i) => s.color ?? seriesColor(i, t));
  const marks = series.map((s, i) => {
    const finite = (k: number) => Number.isFinite(s.x[k]) && Number.isFinite(s.y[k]);
    const path = line<number>()
      .defined(finite)
      .x((k) => x(s.x[k]))
      .y((k) => y(s.y[k]))
      .curve(curve === 'step-after' ? curveStepAfter : curveLinear)
      .digits(3);
    const indices = Array.from({ length: s.x.length }, (_, k) => k);
    return [
      svg('path', {
        class: 'series',
        d: path(indices) ?? '',
        fill: 'none',
        stroke: colors[i],
        'stroke-width': t.lineWidth,
        'stroke-dasharray': s.dashed ? '5 4' : undefined,
        'data-label': s.label,
      }),
      options.points === true &&
        indices
          .filter(finite)
          .map((k) =>
            svg('circle', { cx: x(s.x[k]), cy: y(s.y[k]), r: 3.5, fill: colors[i], class: 'point' }),
          ),
      s.lower !== undefined &&
        s.upper !== undefined &&
        indices
          .filter((k) => Number.isFinite(s.lower![k]) && Number.isFinite(s.upper![k]))
          .map((k) =>
            svg('line', {
              x1: x(s.x[k]),
              x2: x(s.x[k]),
              y1: y(s.lower![k]),
              y2: y(s.upper![k]),
              stroke: colors[i],
              class: 'whisker',
            }),
          ),
    ];
  });
  const [x0, x1] = x.domain();
  const entries: LegendEntry[] = series.flatMap((s, i) =>
    s.label === undefined ? [] : [{ label: s.label, color: colors[i], dashed: s.dashed }],
  );
  return figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel }),
    axisBottom(x, area, { label: options.xLabel }),
    options.diagonal === true &&
      svg('line', {
        x1: x(x0),
        y1: y(x0),
        x2: x(x1),
        y2: y(x1),
        stroke: t.foreground,
        'stroke-dasharray': '4 3',
        class: 'diagonal',
      }),
    svg('g', { class: 'lines' }, marks),
    entries.length > 0 &&
      legend(entries, {
        x: legendLeft(area, entries),
        y: options.legendPosition === 'bottom-right' ? area.bottom - 8 - 16 * entries.length : area.top + 8,
        theme: t,
      }),
  ]);
}
