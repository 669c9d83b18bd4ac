import type { Nomogram, NomogramAxis } from '@tace/survival';
import { scaleLinear } from 'd3';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth, thinLabels } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import type { Theme } from '../base/theme.js';

/** Options for {@link nomogramPlot}. The height follows from the number of axes. */
export interface NomogramPlotOptions extends Omit<FigureOptions, 'height'> {
  /** Label of each survival axis, e.g. `['1-year survival', ...]`. @default `Survival at ${time}` */
  survivalLabels?: string[];
  /** Survival probabilities marked on the survival axes, as `fun.at`. @default [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05] */
  survivalTicks?: number[];
  /** Display names of variables, e.g. `{ ecog: 'ECOG PS' }`. @default the term names */
  labels?: Record<string, string>;
  /**
   * Levels of numeric terms that are really categories (binary or ordinal codes), drawn as one point per
   * level like a factor: `{ ecog: { 0: 'ECOG 0', 1: 'ECOG 1-2' }, spread: { 0: 'No', 1: 'Yes' } }`. A
   * numeric axis that runs exactly from 0 to 1 is drawn as the binary levels 0 and 1 unless listed in
   * `continuous`. @default {}
   */
  levels?: Record<string, Record<string, string>>;
  /** Numeric terms always drawn as continuous scales (turns off the 0-1 binary detection). @default [] */
  continuous?: readonly string[];
}

interface Tick {
  at: number;
  text: string;
}

/** Points at a value of a numeric axis: linear in the value between the axis' own values. */
function pointsAt(axis: NomogramAxis, value: number): number {
  const v = axis.values as number[];
  for (let i = 1; i < v.length; i++)
    if (value <= v[i] || i === v.length - 1) {
      const f = (value - v[i - 1]) / (v[i] - v[i - 1] || 1);
      return axis.points[i - 1] + f * (axis.points[i] - axis.points[i - 1]);
    }
  return axis.points[0];
}

/** The ticks of one variable axis: one per level (factor or coded levels), else the numeric values. */
function variableTicks(
  axis: NomogramAxis,
  options: NomogramPlotOptions,
): { ticks: Tick[]; categorical: boolean } {
  const numeric = axis.values.every((v) => typeof v === 'number');
  const coded = options.levels?.[axis.name];
  if (numeric && coded) {
    return {
      ticks: Object.entries(coded).map(([value, label]) => ({
        at: pointsAt(axis, Number(value)),
        text: label,
      })),
      categorical: true,
    };
  }
  const values = axis.values as number[];
  const binary =
    numeric &&
    !options.continuous?.includes(axis.name) &&
    values.length > 2 &&
    Math.min(...values) === 0 &&
    Math.max(...values) === 1;
  if (binary)
    return { ticks: [0, 1].map((v) => ({ at: pointsAt(axis, v), text: String(v) })), categorical: true };
  return {
    ticks: axis.values.map((value, i) => ({
      at: axis.points[i],
      text: typeof value === 'number' ? String(Number(value.toPrecision(3))) : value,
    })),
    categorical: !numeric,
  };
}

/**
 * Draws a {@link Nomogram} as R `rms::nomogram` does: a Points axis (0-100); one axis per variable, a scale
 * for continuous terms and one point per level for categorical and binary terms (labels alternate above and
 * below the line where levels are close); Total points; and one predicted-survival axis per time. Tick
 * labels never overlap (continuous scales are thinned). Takes `nomogram(...)`'s result.
 * @example nomogramPlot(nomogram(fit, { times: [12, 24] }), { survivalLabels: ['1-year', '2-year'], levels: { ecog: { 0: '0', 1: '1-2' } } })
 */
export function nomogramPlot(nomogram: Nomogram, options: NomogramPlotOptions = {}): SvgElement {
  const t0 = options.theme ?? plotArea(options).theme;
  const size = t0.fontSize;
  const rowHeight = Math.round(size * 4.4);
  const rows = 2 + nomogram.axes.length + nomogram.times.length;
  const labelOf = (name: string) => options.labels?.[name] ?? name;
  const names = [
    'Points',
    'Total points',
    ...nomogram.axes.map((a) => labelOf(a.name)),
    ...nomogram.times.map((time, k) => options.survivalLabels?.[k] ?? `Survival at ${time}`),
  ];
  const labelWidth = Math.min(200, Math.max(...names.map((n) => textWidth(n, size, 'bold'))));
  const area = plotArea(
    { ...options, height: undefined },
    {
      width: 760,
      height: 50 + size * 2 + rowHeight * (rows - 1) + 30,
      margin: { top: 50 + size * 2, right: 40, bottom: 30, left: labelWidth + 24 },
    },
  );
  const axes = nomogram.axes.map((axis) => ({ axis, ...variableTicks(axis, options) }));
  const maxPoints = Math.max(100, ...nomogram.axes.flatMap((a) => Array.from(a.points)));
  const points = scaleLinear().domain([0, maxPoints]).range([area.left, area.right]);
  let maxTotal = 0;
  for (const a of axes) maxTotal += Math.max(...a.ticks.map((tick) => tick.at));
  const total = scaleLinear().domain([0, maxTotal]).range([area.left, area.right]);
  const out: SvgElement[] = [];
  const pointTicks = Array.from({ length: 11 }, (_, i) => ({ at: points(i * 10), text: String(i * 10) }));
  out.push(axisRow(area, 0, 'Points', pointTicks, 'points', false, labelWidth));
  axes.forEach(({ axis, ticks, categorical }, a) => {
    const placed = ticks.map((tick) => ({ at: points(tick.at), text: tick.text }));
    out.push(
      axisRow(
        area,
        1 + a,
        labelOf(axis.name),
        placed,
        categorical ? 'variable categorical' : 'variable',
        categorical,
        labelWidth,
      ),
    );
  });
  const totalTicks = total.ticks(10).map((v) => ({ at: total(v), text: String(v) }));
  out.push(axisRow(area, 1 + axes.length, 'Total points', totalTicks, 'total', false, labelWidth));
  const survivalTicks = options.survivalTicks ?? [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
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
      )
      .sort((p, q) => p.at - q.at);
    const label = options.survivalLabels?.[k] ?? `Survival at ${time}`;
    if (ticks.length > 0)
      out.push(axisRow(area, 2 + axes.length + k, label, ticks, 'survival', false, labelWidth));
  });
  return figure(area, options.title ?? 'Nomogram', out);
}

function axisRow(
  area: { top: number; left: number; theme: Theme },
  row: number,
  label: string,
  ticks: Tick[],
  className: string,
  stagger: boolean,
  labelWidth: number,
): SvgElement {
  const t = area.theme;
  const size = t.fontSize;
  const y = area.top + row * Math.round(size * 4.4);
  const xs = ticks.map((tick) => tick.at);
  const widths = ticks.map((tick) => textWidth(tick.text, size));
  // Levels close together alternate above and below the line (rms does the same); scales are thinned.
  let below = new Set<number>();
  let kept = ticks.map((_, i) => i);
  if (stagger) {
    const order = ticks.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
    below = new Set(order.filter((_, k) => k % 2 === 1));
    const clash = (set: number[]) =>
      thinLabels(
        set.map((i) => xs[i]),
        set.map((i) => widths[i]),
        4,
      ).length < set.length;
    const sortedOrder = order;
    if (!clash(sortedOrder)) below = new Set();
  } else kept = thinLabels(xs, widths, 6);
  return svg(
    'g',
    { class: `nomogram-axis ${className}`, 'data-label': label },
    text(area.left - 12, y + size * 0.35, ellipsize(label, labelWidth, size, 'bold'), {
      anchor: 'end',
      weight: 'bold',
      size,
      theme: t,
      className: 'axis-name',
    }),
    svg('line', { x1: Math.min(...xs), x2: Math.max(...xs), y1: y, y2: y, stroke: t.foreground }),
    ticks.map((tick, i) => [
      svg('line', {
        x1: tick.at,
        x2: tick.at,
        y1: y,
        y2: below.has(i) ? y + 5 : y - 5,
        stroke: t.foreground,
      }),
      kept.includes(i) &&
        text(tick.at, below.has(i) ? y + 8 + size * 0.8 : y - 8, tick.text, {
          anchor: 'middle',
          size,
          className: 'tick',
          theme: t,
        }),
    ]),
  );
}
