import { type SvgElement, svg } from '@tace/core';
import type { Nomogram } from '@tace/survival';
import { figure, linear, plotArea, text } from './frame.js';
import { THEME } from './theme.js';

/** Options for {@link nomogramPlot}. */
export interface NomogramPlotOptions {
  title?: string;
  width?: number;
  /** Label of each survival axis, e.g. `['1-year survival', ...]`. @default `Survival at t` */
  survivalLabels?: string[];
  /** Survival probabilities marked on the survival axes. @default [0.9, 0.8, 0.7, 0.5, 0.3, 0.1] */
  survivalTicks?: number[];
}

/**
 * Draws a {@link Nomogram} as `rms` does: a Points axis (0-100), one axis per variable with its values
 * placed at their points, Total points, and one survival axis per time. Takes `nomogram(...)`'s result.
 */
export function nomogramPlot(nomogram: Nomogram, options: NomogramPlotOptions = {}): SvgElement {
  const rowHeight = 44;
  const rows = 2 + nomogram.axes.length + nomogram.times.length;
  const area = plotArea({
    width: options.width ?? 760,
    height: 70 + rowHeight * rows,
    margin: { top: 50, right: 40, bottom: 20, left: 170 },
  });
  const maxPoints = Math.max(...nomogram.axes.flatMap((a) => Array.from(a.points)));
  const points = linear([0, Math.max(100, maxPoints)], [area.left, area.right]);
  let maxTotal = 0;
  for (const axis of nomogram.axes) maxTotal += Math.max(...axis.points);
  const total = linear([0, maxTotal], [area.left, area.right]);
  const rowsOut: SvgElement[] = [];
  const axisRow = (row: number, label: string, ticks: { at: number; text: string }[], className: string) => {
    const y = area.top + row * rowHeight;
    const xs = ticks.map((t) => t.at);
    return svg('g', { class: `nomogram-axis ${className}`, 'data-label': label }, [
      text(area.left - 12, y + 4, label, { anchor: 'end', weight: 'bold', size: THEME.smallSize }),
      svg('line', { x1: Math.min(...xs), x2: Math.max(...xs), y1: y, y2: y, stroke: THEME.foreground }),
      ...ticks.flatMap((t) => [
        svg('line', { x1: t.at, x2: t.at, y1: y, y2: y - 5, stroke: THEME.foreground }),
        text(t.at, y - 8, t.text, { anchor: 'middle', size: THEME.smallSize, className: 'tick' }),
      ]),
    ]);
  };
  const pointTicks = Array.from({ length: 11 }, (_, i) => ({ at: points(i * 10), text: String(i * 10) }));
  rowsOut.push(axisRow(0, 'Points', pointTicks, 'points'));
  nomogram.axes.forEach((axis, a) => {
    const ticks = axis.values.map((value, i) => ({
      at: points(axis.points[i]),
      text: typeof value === 'number' ? String(Number(value.toPrecision(3))) : value,
    }));
    rowsOut.push(axisRow(1 + a, axis.name, ticks, 'variable'));
  });
  const totalTicks = total.ticks(8).map((v) => ({ at: total(v), text: String(v) }));
  rowsOut.push(axisRow(1 + nomogram.axes.length, 'Total points', totalTicks, 'total'));
  const survivalTicks = options.survivalTicks ?? [0.9, 0.8, 0.7, 0.5, 0.3, 0.1];
  nomogram.times.forEach((time, k) => {
    // total points giving survival s: S0^exp(lp) = s  =>  lp = log(log s / log S0)
    const ticks = survivalTicks
      .map((s) => {
        const lp = Math.log(Math.log(s) / Math.log(nomogram.baselineSurvival[k]));
        const totalPoints = (lp - nomogram.linearPredictorAtZero) * nomogram.scale;
        return { at: total(totalPoints), text: String(s), totalPoints };
      })
      .filter((t) => Number.isFinite(t.totalPoints) && t.totalPoints >= 0 && t.totalPoints <= maxTotal);
    const label = options.survivalLabels?.[k] ?? `Survival at ${time}`;
    if (ticks.length > 0) rowsOut.push(axisRow(2 + nomogram.axes.length + k, label, ticks, 'survival'));
  });
  return figure(area, options.title ?? 'Nomogram', rowsOut);
}
