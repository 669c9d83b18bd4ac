import { type SvgElement, svg } from '@tace/core';
import { type ScaleLinear, type ScaleLogarithmic, scaleLinear } from 'd3';
import { THEME } from './theme.js';

/** Size and margins of a figure, px. */
export interface FigureSize {
  /** @default 640 */
  width?: number;
  /** @default 420 */
  height?: number;
  /** @default THEME.margin */
  margin?: { top: number; right: number; bottom: number; left: number };
}

/** The plotting area of a figure: pixel bounds inside the margins. */
export interface PlotArea {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Resolves a {@link FigureSize} into the plotting area. */
export function plotArea(size: FigureSize = {}): PlotArea {
  const width = size.width ?? 640;
  const height = size.height ?? 420;
  const margin = size.margin ?? THEME.margin;
  return {
    width,
    height,
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
  };
}

/** Text with the theme's font. */
export function text(
  x: number,
  y: number,
  content: string,
  options: {
    size?: number;
    anchor?: 'start' | 'middle' | 'end';
    weight?: string;
    colour?: string;
    rotate?: number;
    className?: string;
  } = {},
): SvgElement {
  return svg(
    'text',
    {
      x,
      y,
      'font-family': THEME.fontFamily,
      'font-size': options.size ?? THEME.textSize,
      'text-anchor': options.anchor ?? 'start',
      'font-weight': options.weight,
      fill: options.colour ?? THEME.foreground,
      transform: options.rotate ? `rotate(${options.rotate} ${x} ${y})` : undefined,
      class: options.className,
    },
    [content],
  );
}

type AnyScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** A bottom x axis with ticks and a label. */
export function xAxis(
  scale: AnyScale,
  area: PlotArea,
  label: string,
  tickCount: number | readonly number[] = 6,
  format?: (v: number) => string,
): SvgElement {
  const ticks = typeof tickCount === 'number' ? scale.ticks(tickCount) : [...tickCount];
  const formatter = format ?? scale.tickFormat(typeof tickCount === 'number' ? tickCount : 6);
  return svg('g', { class: 'axis x-axis' }, [
    svg('line', {
      x1: area.left,
      x2: area.right,
      y1: area.bottom,
      y2: area.bottom,
      stroke: THEME.foreground,
    }),
    ...ticks.flatMap((t) => [
      svg('line', {
        x1: scale(t),
        x2: scale(t),
        y1: area.bottom,
        y2: area.bottom + 5,
        stroke: THEME.foreground,
      }),
      text(scale(t), area.bottom + 18, formatter(t), {
        anchor: 'middle',
        size: THEME.smallSize,
        className: 'tick',
      }),
    ]),
    text((area.left + area.right) / 2, area.bottom + 40, label, {
      anchor: 'middle',
      className: 'axis-label',
    }),
  ]);
}

/** A left y axis with ticks, light grid lines and a label. */
export function yAxis(
  scale: AnyScale,
  area: PlotArea,
  label: string,
  tickCount = 5,
  format?: (v: number) => string,
): SvgElement {
  const ticks = scale.ticks(tickCount);
  const formatter = format ?? scale.tickFormat(tickCount);
  return svg('g', { class: 'axis y-axis' }, [
    ...ticks.map((t) =>
      svg('line', {
        x1: area.left,
        x2: area.right,
        y1: scale(t),
        y2: scale(t),
        stroke: THEME.grid,
      }),
    ),
    svg('line', {
      x1: area.left,
      x2: area.left,
      y1: area.top,
      y2: area.bottom,
      stroke: THEME.foreground,
    }),
    ...ticks.flatMap((t) => [
      svg('line', {
        x1: area.left - 5,
        x2: area.left,
        y1: scale(t),
        y2: scale(t),
        stroke: THEME.foreground,
      }),
      text(area.left - 8, scale(t) + 4, formatter(t), {
        anchor: 'end',
        size: THEME.smallSize,
        className: 'tick',
      }),
    ]),
    text(area.left - 46, (area.top + area.bottom) / 2, label, {
      anchor: 'middle',
      rotate: -90,
      className: 'axis-label',
    }),
  ]);
}

/** The root `<svg>` element with a white background and an optional title. */
export function figure(
  area: PlotArea,
  title: string | undefined,
  children: (SvgElement | null | false)[],
): SvgElement {
  return svg(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: area.width,
      height: area.height,
      viewBox: `0 0 ${area.width} ${area.height}`,
    },
    [
      svg('rect', { x: 0, y: 0, width: area.width, height: area.height, fill: THEME.background }),
      title
        ? text(area.left, 24, title, { size: THEME.titleSize, weight: 'bold', className: 'title' })
        : null,
      ...children,
    ],
  );
}

/** A legend: coloured swatches with labels, placed from (x, y) downwards. */
export function legend(
  x: number,
  y: number,
  entries: { label: string; colour: string; dashed?: boolean }[],
): SvgElement {
  return svg(
    'g',
    { class: 'legend' },
    entries.flatMap((entry, i) => [
      svg('line', {
        x1: x,
        x2: x + 18,
        y1: y + i * 16,
        y2: y + i * 16,
        stroke: entry.colour,
        'stroke-width': THEME.lineWidth,
        'stroke-dasharray': entry.dashed ? '4 3' : undefined,
      }),
      text(x + 24, y + i * 16 + 4, entry.label, { size: THEME.smallSize }),
    ]),
  );
}

/** A linear scale from a domain to pixels. */
export function linear(domain: [number, number], range: [number, number]): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range);
}
