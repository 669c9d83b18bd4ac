import { textWidth } from './font-metrics.js';
import { type SvgElement, svg } from './svg-element.js';
import { text } from './text.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** One legend entry: a label and its color, drawn as a line (`'line'`, optionally dashed) or a dot (`'point'`). */
export interface LegendEntry {
  label: string;
  color: string;
  /** @default 'line' */
  symbol?: 'line' | 'point';
  /** Dashed line symbol. @default false */
  dashed?: boolean;
}

/** Options of {@link legend}. */
export interface LegendOptions {
  /** Top-left corner. @default 0 */
  x?: number;
  /** @default 0 */
  y?: number;
  /** @default theme */
  theme?: Theme;
}

const ROW = 16;

/**
 * A vertical legend, one row per entry (symbol, then label), with its top-left corner at (x, y).
 * @example legend([{ label: 'low risk', color: seriesColor(0) }], { x: legendLeft(area, entries), y: area.top + 8 })
 */
export function legend(entries: readonly LegendEntry[], options: LegendOptions = {}): SvgElement {
  const t = options.theme ?? defaultTheme;
  return svg(
    'g',
    { class: 'legend', transform: `translate(${options.x ?? 0},${options.y ?? 0})` },
    entries.map((entry, i) =>
      svg(
        'g',
        { class: 'legend-entry', transform: `translate(0,${i * ROW})` },
        entry.symbol === 'point'
          ? svg('circle', { cx: 9, cy: ROW / 2, r: t.pointRadius + 0.5, fill: entry.color })
          : svg('line', {
              x1: 0,
              x2: 18,
              y1: ROW / 2,
              y2: ROW / 2,
              stroke: entry.color,
              'stroke-width': t.lineWidth,
              'stroke-dasharray': entry.dashed ? '4 3' : undefined,
            }),
        text(24, ROW / 2 + 4, entry.label, { size: t.fontSize, theme: t }),
      ),
    ),
  );
}

/** The x at which a legend of `entries` ends `gap` px inside the plot area's right edge. */
export function legendLeft(
  area: { right: number; theme: Theme },
  entries: readonly LegendEntry[],
  gap = 8,
): number {
  const widest = Math.max(0, ...entries.map((e) => textWidth(e.label, area.theme.fontSize)));
  return area.right - gap - 24 - widest;
}
