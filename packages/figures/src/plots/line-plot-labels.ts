import { ellipsize, textWidth } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { theme as defaultTheme, type Theme } from '../base/theme.js';

/**
 * A legend label `name + suffix` that fits in `maxWidth` px: the name is ellipsized, the suffix (e.g.
 * ": AUC 0.78 (0.70-0.85)") kept whole, so that a long model name never pushes a legend out of its figure.
 */
export function fitLegendLabel(
  name: string,
  suffix: string,
  maxWidth: number,
  t: Theme = defaultTheme,
): string {
  const room = Math.max(24, maxWidth - textWidth(suffix, t.fontSize));
  return `${ellipsize(name, room, t.fontSize)}${suffix}`;
}

/**
 * The widest legend label (px) a `linePlot` legend inside the plot area can take: the plot area's width
 * (640 px default figure) less the legend symbol and gaps.
 */
export function legendRoom(options: FigureOptions): number {
  const area = plotArea(options, { width: 640 });
  return Math.max(40, area.right - area.left - 40);
}
