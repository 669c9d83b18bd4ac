import type { Nomogram } from '@tace/survival';
import { scaleLinear } from 'd3';
import { figure } from '../base/figure.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';

/** Options for {@link nomogramPlot}. The height follows from the number of axes. */
export interface NomogramPlotOptions extends Omit<FigureOptions, 'height'> {
  /** Label of each survival axis, e.g. `['1-year survival', ...]`. @default `Survival at ${time}` */
  survivalLabels?: string[];
  /** Survival probabilities marked on the survival axes. @default [0.9, 0.8, 0.7, 0.5, 0.3, 0.1] */
  survivalTicks?: number[];
}

/**
 * Draws a {@link Nomogram} as R `rms::nomogram` does: a Points axis (0-100), one axis per variable with its
 * values placed at their points, Total points, and one survival axis per time. Takes `nomogram(...)`'s result.
 * @example nomogramPlot(nomogram(fit, { times: [12, 24] }), { survivalLabels: ['1-year', '2-year'] })
 */
export function nomogramPlot(nomogram: Nomogram, options: NomogramPlotOptions = {}): SvgElement {
  const rowHeight = 44;
  const rows = 2 + nomogram.axes.length + nomogram.times.length;
  const area = plotArea(
    { ...options, height: 70 + rowHeight * rows },
    { width: 760, margin: { top: 50, right: 40, bottom: 20, left: 170 } },
  );
  const t = area.theme;
  const maxPoints = Math.max(...nomogram.axes.flatMap((a) => Array.from(a.points)));
  const points = scaleLinear()
    .domain([0, Math.max(100, maxPoints)])
    .range([area.left, area.right]);
  let maxTotal = 0;
  for (const axis of nomogram.axes) maxTotal += Math.max(...axis.points);
  const total = scaleLinear().domain([0, maxTotal]).range([area.left, area.right]);
  const axisRow = (row: number, label: string, ticks: { at: number; text: string }[], className: string) => {
    const y = area.top + row * rowHeight;
    const xs = ticks.map((tick) => tick.at);
    return svg(
      'g',
      { class: `nomogram-axis ${className}`, 'data-label': label },
      text(area.left - 12, y + 4, label, { anchor: 'end', weight: 'bold', size: t.fontSize, theme: t }),
      svg('line', { x1: Math.min(...xs), x2: Math.max(...xs), y1: y, y2: y, stroke: t.foreground }),
      ticks.map((tick) => [
        svg('line', { x1: tick.at, x2: tick.at, y1: y, y2: y - 5, stroke: t.foreground }),
        text(tick.at, y - 8, tick.text, { anchor: 'middle', size: t.fontSize, className: 'tick', theme: t }),
      ]),
    );
  };
  const out: SvgElement[] = [];
  const pointTicks = Array.from({ length: 11 }, (_, i) => ({ at: points(i * 10), text: String(i * 10) }));
  out.push(axisRow(0, 'Points', pointTicks, 'points'));
  nomogram.axes.forEach((axis, a) => {
    const ticks = axis.values.map((value, i) => ({
      at: points(axis.points[i]),
      text: typeof value === 'number' ? String(Number(value.toPrecision(3))) : value,
    }));
    out.push(axisRow(1 + a, axis.name, ticks, 'variable'));
  });
  const totalTicks = total.ticks(8).map((v) => ({ at: total(v), text: String(v) }));
  out.push(axisRow(1 + nomogram.axes.length, 'Total points', totalTicks, 'total'));
  const survivalTicks = options.survivalTicks ?? [0.9, 0.8, 0.7, 0.5, 0.3, 0.1];
  nomogram.times.forEach((time, k) => {
    // total points giving survival s: S0^exp(lp) = s  =>  lp = log(log s / log S0)
    const ticks = survivalTicks
      .map((s) => {
        const lp = Math.log(Math.log(s) / Math.log(nomogram.baselineSurvival[k]));
        const totalPoints = (lp - nomogram.linearPredictorAtZero) * nomogram.scale;
        return { at: total(totalPoints), text: String(s), totalPoints };
      })
      .filter(
        (tick) => Number.isFinite(tick.totalPoints) && tick.totalPoints >= 0 && tick.totalPoints <= maxTotal,
      );
    const label = options.survivalLabels?.[k] ?? `Survival at ${time}`;
    if (ticks.length > 0) out.push(axisRow(2 + nomogram.axes.length + k, label, ticks, 'survival'));
  });
  return figure(area, options.title ?? 'Nomogram', out);
}
