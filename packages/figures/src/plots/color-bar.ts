import { interpolateRgb, piecewise, scaleLinear } from 'd3';
import { textWidth, thinLabels } from '../base/font-metrics.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import type { Theme } from '../base/theme.js';

/** A continuous colour scale: a value in [lo, hi] (clamped) to a colour; non-finite values get `naColor`. */
export interface ContinuousColor {
  (value: number): string;
  lo: number;
  hi: number;
}

/**
 * A continuous colour scale over [lo, hi] interpolated (in RGB) through `stops` (e.g. `palettes.viridis`),
 * values outside clamped, non-finite values `naColor` (scanpy's `na_color`).
 */
export function continuousColor(
  stops: readonly string[],
  lo: number,
  hi: number,
  naColor = '#d3d3d3',
): ContinuousColor {
  const interpolate = piecewise(interpolateRgb, [...stops]);
  const span = hi - lo || 1;
  const f = ((v: number) => {
    if (!Number.isFinite(v)) return naColor;
    return interpolate(Math.min(1, Math.max(0, (v - lo) / span)));
  }) as ContinuousColor;
  f.lo = lo;
  f.hi = hi;
  return f;
}

/** Width (px) a {@link colorBar} with this title and scale takes. */
export function colorBarWidth(title: string, color: ContinuousColor, t: Theme): number {
  const ticks = scaleLinear().domain([color.lo, color.hi]).ticks(4);
  const format = scaleLinear().domain([color.lo, color.hi]).tickFormat(4);
  return Math.max(
    textWidth(title, t.fontSize, 'bold'),
    16 + Math.max(0, ...ticks.map((v) => textWidth(format(v), t.fontSize))),
  );
}

/**
 * A vertical colour bar (ggplot2's `guide_colourbar`): bold title, a 12 px wide gradient `height` px tall
 * (high values at the top), and readable tick labels to its right; top-left corner at (x, y).
 */
export function colorBar(
  x: number,
  y: number,
  title: string,
  color: ContinuousColor,
  t: Theme,
  height = 90,
): SvgElement {
  const size = t.fontSize;
  const top = y + size + 4;
  const scale = scaleLinear()
    .domain([color.lo, color.hi])
    .range([top + height, top]);
  const ticks = scale.ticks(4);
  const format = scale.tickFormat(4);
  const kept = thinLabels(
    ticks.map((v) => scale(v)),
    ticks.map(() => size),
    2,
  );
  const steps = 32;
  return svg(
    'g',
    { class: 'color-legend' },
    text(x, y + size * 0.8, title, { size, weight: 'bold', theme: t }),
    Array.from({ length: steps }, (_, k) =>
      svg('rect', {
        x,
        y: top + (k * height) / steps,
        width: 12,
        height: height / steps + 0.3,
        fill: color(color.hi - ((k + 0.5) * (color.hi - color.lo)) / steps),
      }),
    ),
    kept.map((i) => [
      svg('line', { x1: x + 12, x2: x + 14, y1: scale(ticks[i]), y2: scale(ticks[i]), stroke: t.foreground }),
      text(x + 16, scale(ticks[i]) + size * 0.35, format(ticks[i]), {
        size,
        theme: t,
        className: 'legend-tick',
      }),
    ]),
  );
}

/** Height (px) of a {@link colorBar} of bar height `height`. */
export function colorBarHeight(t: Theme, height = 90): number {
  return t.fontSize + 4 + height + t.fontSize * 0.5;
}
