import { textWidth, thinLabels } from './font-metrics.js';
import type { PlotArea } from './plot-area.js';
import { type SvgElement, svg } from './svg-element.js';
import { text } from './text.js';

/**
 * A continuous scale an axis can draw: what the axes use of a d3 `scaleLinear` or `scaleLog` (which satisfy it),
 * stated here so that the published declarations do not need d3's types (which need the DOM library).
 */
export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
}

/** Options of {@link axisBottom} and {@link axisLeft}. */
export interface AxisOptions {
  /** Axis title. @default undefined (none) */
  label?: string;
  /** Approximate number of ticks (d3 `scale.ticks(count)`), or the tick values. @default 6 (bottom), 5 (left) */
  ticks?: number | readonly number[];
  /** Tick label format: a d3-format specifier (`'.2f'`, `'~s'`) or a function. @default the scale's own */
  format?: string | ((value: number) => string);
  /** Light grid lines across the plot area at each tick. @default false (bottom), true (left) */
  grid?: boolean;
}

function tickValues(
  scale: AxisScale,
  options: AxisOptions,
  count: number,
): [number[], (v: number) => string] {
  const ticks = options.ticks ?? count;
  const values = typeof ticks === 'number' ? scale.ticks(ticks) : [...ticks];
  const format =
    typeof options.format === 'function'
      ? options.format
      : scale.tickFormat(typeof ticks === 'number' ? ticks : count, options.format);
  return [values, format];
}

/**
 * The x axis along the bottom of the plot area (domain line, outer ticks, labels below, title), as d3-axis
 * `axisBottom` draws it.
 * @example axisBottom(x, area, { label: 'Time (months)' })
 */
export function axisBottom(scale: AxisScale, area: PlotArea, options: AxisOptions = {}): SvgElement {
  const t = area.theme;
  const [values, format] = tickValues(scale, options, 6);
  const labels = values.map((v) => format(v));
  // Labels that would touch their neighbour are dropped (every k-th kept), as ggplot2's check.overlap.
  const kept = new Set(
    thinLabels(
      values.map((v) => scale(v)),
      labels.map((l) => textWidth(l, t.fontSize)),
      6,
    ),
  );
  return svg(
    'g',
    { class: 'axis axis-bottom' },
    options.grid === true &&
      values.map((v) =>
        svg('line', {
          x1: scale(v),
          x2: scale(v),
          y1: area.top,
          y2: area.bottom,
          stroke: t.grid,
          class: 'grid',
        }),
      ),
    svg('line', { x1: area.left, x2: area.right, y1: area.bottom, y2: area.bottom, stroke: t.foreground }),
    values.map((v, i) => [
      svg('line', {
        x1: scale(v),
        x2: scale(v),
        y1: area.bottom,
        y2: area.bottom + t.tickSize,
        stroke: t.foreground,
      }),
      kept.has(i) &&
        text(scale(v), area.bottom + t.tickSize + 3 + t.fontSize, labels[i], {
          anchor: 'middle',
          size: t.fontSize,
          className: 'tick',
          theme: t,
        }),
    ]),
    options.label !== undefined &&
      text((area.left + area.right) / 2, area.bottom + t.tickSize + 3 + 2.4 * t.fontSize + 6, options.label, {
        anchor: 'middle',
        className: 'axis-label',
        theme: t,
      }),
  );
}

/**
 * The y axis along the left of the plot area (grid lines, domain line, ticks, labels, title rotated and
 * placed clear of the widest tick label), as d3-axis `axisLeft`.
 * @example axisLeft(y, area, { label: 'Overall survival', format: '.1f' })
 */
export function axisLeft(scale: AxisScale, area: PlotArea, options: AxisOptions = {}): SvgElement {
  const t = area.theme;
  const [values, format] = tickValues(scale, options, 5);
  const labels = values.map((v) => format(v));
  const kept = new Set(
    thinLabels(
      values.map((v) => scale(v)),
      labels.map(() => t.fontSize),
      2,
    ),
  );
  const widest = Math.max(0, ...labels.filter((_, i) => kept.has(i)).map((l) => textWidth(l, t.fontSize)));
  return svg(
    'g',
    { class: 'axis axis-left' },
    (options.grid ?? true) &&
      values.map((v) =>
        svg('line', {
          x1: area.left,
          x2: area.right,
          y1: scale(v),
          y2: scale(v),
          stroke: t.grid,
          class: 'grid',
        }),
      ),
    svg('line', { x1: area.left, x2: area.left, y1: area.top, y2: area.bottom, stroke: t.foreground }),
    values.map((v, i) => [
      svg('line', {
        x1: area.left - t.tickSize,
        x2: area.left,
        y1: scale(v),
        y2: scale(v),
        stroke: t.foreground,
      }),
      kept.has(i) &&
        text(area.left - t.tickSize - 3, scale(v) + 0.35 * t.fontSize, labels[i], {
          anchor: 'end',
          size: t.fontSize,
          className: 'tick',
          theme: t,
        }),
    ]),
    options.label !== undefined &&
      text(
        area.left - Math.max(46, t.tickSize + 3 + widest + 14),
        (area.top + area.bottom) / 2,
        options.label,
        {
          anchor: 'middle',
          rotate: -90,
          className: 'axis-label',
          theme: t,
        },
      ),
  );
}
