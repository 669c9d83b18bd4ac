import { curveLinear, curveStepAfter, line, scaleLinear } from 'd3';
import { assertOneOf, assertSameLength } from '../errors/assert.js';
import { axisBottom, axisLeft } from './axes.js';
import { finiteExtent } from './extent.js';
import { type FigureOptions, figure } from './figure.js';
import { legend } from './legend.js';
import { type SvgElement, svg } from './svg-element.js';

/** One line of a {@link linePlot}. */
export interface LineSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Legend label; series without labels are not listed. @default undefined */
  label?: string;
  /** Colour; default the theme palette in series order. @default undefined */
  color?: string;
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends FigureOptions {
  /** `'linear'` joins points; `'step-after'` holds each value until the next x (survival curves). @default 'linear' */
  curve?: 'linear' | 'step-after';
  xLabel?: string;
  yLabel?: string;
  /** Fixed y domain (e.g. [0, 1] for probabilities); default the data extent, made nice. @default undefined */
  yDomain?: [number, number];
}

/**
 * Lines through (x, y) points, one per series, as an SVG element tree; non-finite points break the line.
 * Paths come from d3-shape's `line` generator.
 * @throws {TaceError} `LENGTH_MISMATCH` when a series' x and y differ in length.
 * @example linePlot([{ x: t, y: s, label: 'Kaplan-Meier' }], { curve: 'step-after', yDomain: [0, 1] })
 */
export function linePlot(series: readonly LineSeries[], options: LinePlotOptions = {}): SvgElement {
  const curve = options.curve ?? 'linear';
  assertOneOf(curve, 'curve', ['linear', 'step-after']);
  for (const [i, s] of series.entries()) assertSameLength([`series[${i}].x`, s.x], [`series[${i}].y`, s.y]);
  return figure(options, ({ width, height, theme }) => {
    const xScale = scaleLinear()
      .domain(finiteExtent(...series.map((s) => s.x)))
      .range([0, width])
      .nice();
    const yScale = scaleLinear()
      .domain(options.yDomain ?? finiteExtent(...series.map((s) => s.y)))
      .range([height, 0]);
    if (options.yDomain === undefined) yScale.nice();
    const colors = series.map((s, i) => s.color ?? theme.palette[i % theme.palette.length]);
    const lines = series.map((s, i) => {
      const path = line<number>()
        .defined((k) => Number.isFinite(s.x[k]) && Number.isFinite(s.y[k]))
        .x((k) => xScale(s.x[k]))
        .y((k) => yScale(s.y[k]))
        .curve(curve === 'step-after' ? curveStepAfter : curveLinear)
        .digits(3);
      const d = path(Array.from({ length: s.x.length }, (_, k) => k)) ?? '';
      return svg('path', {
        class: 'series',
        d,
        fill: 'none',
        stroke: colors[i],
        'stroke-width': theme.lineWidth,
      });
    });
    const labelled = series.flatMap((s, i) =>
      s.label === undefined ? [] : [{ label: s.label, color: colors[i] }],
    );
    return [
      svg(
        'g',
        { transform: `translate(0,${height})` },
        axisBottom(xScale, { label: options.xLabel, gridLength: height, theme }),
      ),
      axisLeft(yScale, { label: options.yLabel, gridLength: width, theme }),
      svg('g', { class: 'lines' }, lines),
      labelled.length > 0 && svg('g', { transform: `translate(${width - 110},4)` }, legend(labelled, theme)),
    ];
  });
}
