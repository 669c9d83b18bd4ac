import { type SvgElement, svg } from './svg-element.js';
import { theme as defaultTheme, type Theme } from './theme.js';

/** One legend entry: a label and its colour, drawn as a line (`'line'`) or a dot (`'point'`). */
export interface LegendEntry {
  label: string;
  color: string;
  symbol?: 'line' | 'point';
}

/**
 * A vertical legend (one row per entry) with its top-left corner at (0, 0); translate it into place.
 * @example svg('g', { transform: 'translate(300, 10)' }, legend([{ label: 'low risk', color: theme.palette[0] }]))
 */
export function legend(entries: readonly LegendEntry[], theme: Theme = defaultTheme): SvgElement {
  const row = theme.fontSize + 6;
  return svg(
    'g',
    { class: 'legend', 'font-family': theme.fontFamily, 'font-size': theme.fontSize, fill: theme.foreground },
    entries.map((entry, i) =>
      svg(
        'g',
        { class: 'legend-entry', transform: `translate(0,${i * row})` },
        entry.symbol === 'point'
          ? svg('circle', { cx: 8, cy: row / 2, r: theme.pointRadius + 0.5, fill: entry.color })
          : svg('line', {
              x1: 0,
              x2: 16,
              y1: row / 2,
              y2: row / 2,
              stroke: entry.color,
              'stroke-width': theme.lineWidth,
            }),
        svg('text', { x: 22, y: row / 2, dy: '0.32em' }, entry.label),
      ),
    ),
  );
}
