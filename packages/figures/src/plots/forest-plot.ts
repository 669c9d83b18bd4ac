import type { CoxModel } from '@tace/survival';
import { scaleLog } from 'd3';
import { axisBottom } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { formatPValue } from '../base/theme.js';

/** One row of a forest plot: an estimate with its confidence interval (ratio scale). */
export interface ForestRow {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  /** Printed after the interval. @default undefined (none) */
  pValue?: number;
}

/** Options of {@link forestPlot}. */
export interface ForestPlotOptions extends FigureOptions {
  /** @default 'Hazard ratio (95% CI)' */
  xLabel?: string;
}

/** The rows of a forest plot of a Cox model: one per design column (hazard ratio, CI, Wald p-value). */
function coxRows(fit: CoxModel): ForestRow[] {
  return fit.names.map((label, i) => ({
    label,
    estimate: fit.hazardRatios[i],
    lower: fit.lower[i],
    upper: fit.upper[i],
    pValue: fit.pValue[i],
  }));
}

/**
 * Forest plot of hazard ratios (log scale) with their CIs, a reference line at 1, and the estimate, CI and
 * p-value printed per row. Takes a fitted Cox model (`coxph(...)`: one row per design column) or rows.
 * @example forestPlot(coxph(table, { time: 'os', event: 'death', covariates: ['afp', 'albi'] }))
 */
export function forestPlot(
  input: CoxModel | readonly ForestRow[],
  options: ForestPlotOptions = {},
): SvgElement {
  const rows: readonly ForestRow[] = isRows(input) ? input : coxRows(input);
  const rowHeight = 26;
  const area = plotArea(options, {
    width: 720,
    height: 100 + rowHeight * rows.length,
    margin: { top: 48, right: 230, bottom: 56, left: 180 },
  });
  const t = area.theme;
  const finite = rows.flatMap((r) => [r.lower, r.upper]).filter((v) => Number.isFinite(v) && v > 0);
  const x = scaleLog()
    .domain([Math.min(0.5, ...finite), Math.max(2, ...finite)])
    .range([area.left, area.right])
    .nice();
  const marks = rows.map((row, i) => {
    const cy = area.top + rowHeight * (i + 0.5);
    const ok = [row.estimate, row.lower, row.upper].every((v) => Number.isFinite(v) && v > 0);
    const interval = `${row.estimate.toFixed(2)} (${row.lower.toFixed(2)}-${row.upper.toFixed(2)})`;
    return svg(
      'g',
      { class: 'forest-row', 'data-label': row.label },
      text(area.left - 10, cy + 4, row.label, { anchor: 'end', theme: t }),
      ok &&
        svg('line', {
          x1: x(row.lower),
          x2: x(row.upper),
          y1: cy,
          y2: cy,
          stroke: t.foreground,
          'stroke-width': 1.5,
        }),
      ok &&
        svg('rect', {
          x: x(row.estimate) - 5,
          y: cy - 5,
          width: 10,
          height: 10,
          fill: t.palette[0],
          class: 'estimate',
        }),
      text(
        area.right + 12,
        cy + 4,
        `${interval}${row.pValue === undefined ? '' : `  ${formatPValue(row.pValue)}`}`,
        { size: t.fontSize, theme: t },
      ),
    );
  });
  return figure(area, options.title, [
    svg('line', {
      x1: x(1),
      x2: x(1),
      y1: area.top,
      y2: area.bottom,
      stroke: t.foreground,
      'stroke-dasharray': '4 3',
      class: 'reference',
    }),
    axisBottom(x, area, {
      label: options.xLabel ?? 'Hazard ratio (95% CI)',
      ticks: logTicks(x.domain() as [number, number]),
      format: (v) => String(v),
    }),
    text(area.right + 12, area.top - 12, 'HR (95% CI)', { size: t.fontSize, weight: 'bold', theme: t }),
    marks,
  ]);
}

function isRows(input: CoxModel | readonly ForestRow[]): input is readonly ForestRow[] {
  return Array.isArray(input);
}

/** Readable ticks for a ratio axis: 1, 2 and 5 times powers of ten inside the domain. */
function logTicks([low, high]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** power).toPrecision(1));
      if (v >= low * 0.999 && v <= high * 1.001) ticks.push(v);
    }
  }
  return ticks;
}
