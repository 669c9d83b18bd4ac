import type { ScaleLinear } from 'd3';
import { type SvgElement, svg } from './svg-element.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** Options of the axis builders. */
export interface AxisOptions {
  /** Approximate number of ticks (d3 `scale.ticks(count)`). @default 5 */
  ticks?: number;
  /** Tick label format (d3-format specifier, e.g. '.2f', '~s'); default is the scale's own. @default undefined */
  format?: string;
  /** Axis title. @default undefined */
  label?: string;
  /** Length of grid lines drawn across the plot (0: none). @default 0 */
  gridLength?: number;
  theme?: Theme;
}

/**
 * A bottom axis for a linear scale, as d3-axis `axisBottom` draws it (domain line, outer ticks, labels
 * below), as an element tree placed at y = 0 (translate the group to the bottom of the plot area).
 * @example svg('g', { transform: `translate(0, ${height})` }, axisBottom(x, { label: 'Time (months)' }))
 */
export function axisBottom(scale: ScaleLinear<number, number>, options: AxisOptions = {}): SvgElement {
  const t = options.theme ?? defaultTheme;
  const values = scale.ticks(options.ticks ?? 5);
  const format = scale.tickFormat(options.ticks ?? 5, options.format);
  const [r0, r1] = scale.range();
  const grid = options.gridLength ?? 0;
  return svg(
    'g',
    { class: 'axis axis-bottom', 'font-family': t.fontFamily, 'font-size': t.fontSize, fill: t.foreground },
    values.map((v) =>
      svg(
        'g',
        { class: 'tick', transform: `translate(${round(scale(v))},0)` },
        grid > 0 && svg('line', { class: 'grid', y2: -grid, stroke: t.grid }),
        svg('line', { y2: t.tickSize, stroke: t.foreground }),
        svg('text', { y: t.tickSize + 3, dy: '0.71em', 'text-anchor': 'middle' }, format(v)),
      ),
    ),
    svg('path', {
      class: 'domain',
      d: `M${round(r0)},${t.tickSize}V0H${round(r1)}V${t.tickSize}`,
      fill: 'none',
      stroke: t.foreground,
    }),
    options.label !== undefined &&
      svg(
        'text',
        {
          class: 'axis-label',
          x: round((r0 + r1) / 2),
          y: t.tickSize + t.fontSize + 20,
          'text-anchor': 'middle',
          'font-size': t.labelSize,
        },
        options.label,
      ),
  );
}

/**
 * A left axis for a linear scale, as d3-axis `axisLeft` (labels to the left, title rotated), at x = 0.
 * @example axisLeft(y, { label: 'Survival probability', format: '.1f' })
 */
export function axisLeft(scale: ScaleLinear<number, number>, options: AxisOptions = {}): SvgElement {
  const t = options.theme ?? defaultTheme;
  const values = scale.ticks(options.ticks ?? 5);
  const format = scale.tickFormat(options.ticks ?? 5, options.format);
  const [r0, r1] = scale.range();
  const grid = options.gridLength ?? 0;
  const labels = values.map((v) => format(v));
  const widest = Math.max(0, ...labels.map((l) => l.length)) * t.fontSize * 0.6;
  return svg(
    'g',
    { class: 'axis axis-left', 'font-family': t.fontFamily, 'font-size': t.fontSize, fill: t.foreground },
    values.map((v, i) =>
      svg(
        'g',
        { class: 'tick', transform: `translate(0,${round(scale(v))})` },
        grid > 0 && svg('line', { class: 'grid', x2: grid, stroke: t.grid }),
        svg('line', { x2: -t.tickSize, stroke: t.foreground }),
        svg('text', { x: -(t.tickSize + 3), dy: '0.32em', 'text-anchor': 'end' }, labels[i]),
      ),
    ),
    svg('path', {
      class: 'domain',
      d: `M${-t.tickSize},${round(r0)}H0V${round(r1)}H${-t.tickSize}`,
      fill: 'none',
      stroke: t.foreground,
    }),
    options.label !== undefined &&
      svg(
        'text',
        {
          class: 'axis-label',
          transform: `translate(${round(-(t.tickSize + widest + 12))},${round((r0 + r1) / 2)}) rotate(-90)`,
          'text-anchor': 'middle',
          'font-size': t.labelSize,
        },
        options.label,
      ),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
