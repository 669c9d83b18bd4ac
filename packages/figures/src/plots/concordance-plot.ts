import type { ValidationResult } from '@tace/survival';
import { scaleBand, scaleLinear } from 'd3';
import { axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { legend } from '../base/legend.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { seriesColor } from '../base/theme.js';

/** One estimate of a model's discrimination in a cohort (a row of the validation table). */
export interface ModelCohortEstimate {
  model: string;
  cohort: string;
  estimate: number;
  lower: number;
  upper: number;
}

/** Options of {@link concordancePlot}. */
export interface ConcordancePlotOptions extends FigureOptions {
  /** @default 'C-index (95% CI)' */
  yLabel?: string;
  /** The metric drawn when given a `ValidationResult`. @default 'harrell_c' */
  metric?: string;
}

/**
 * C-index (or any bounded metric) by model x cohort: grouped points with CI whiskers, one color per
 * cohort, a reference line at 0.5. Takes `validateModels(...)`'s result (the rows of `options.metric`) or
 * rows of the validation table directly.
 * @example concordancePlot(validation, { metric: 'uno_c', yLabel: "Uno's C (95% CI)" })
 */
export function concordancePlot(
  input: ValidationResult | readonly ModelCohortEstimate[],
  options: ConcordancePlotOptions = {},
): SvgElement {
  const rows: readonly ModelCohortEstimate[] = Array.isArray(input)
    ? input
    : (input as ValidationResult).rows.filter((r) => r.metric === (options.metric ?? 'harrell_c'));
  const models = [...new Set(rows.map((r) => r.model))];
  const cohorts = [...new Set(rows.map((r) => r.cohort))];
  const area = plotArea(options, { width: Math.max(640, 90 * models.length + 160), height: 420 });
  const t = area.theme;
  const x = scaleBand()
    .domain(models)
    .range([area.left, area.right - 120])
    .padding(0.2);
  const inner = scaleBand().domain(cohorts).range([0, x.bandwidth()]).padding(0.3);
  const values = rows.flatMap((r) => [r.lower, r.upper, r.estimate]).filter(Number.isFinite);
  const y = scaleLinear()
    .domain([Math.min(0.5, ...values) - 0.02, Math.min(1, Math.max(...values) + 0.02)])
    .range([area.bottom, area.top]);
  const marks = rows.map((row) => {
    const cx = (x(row.model) ?? 0) + (inner(row.cohort) ?? 0) + inner.bandwidth() / 2;
    const color = seriesColor(cohorts.indexOf(row.cohort), t);
    return svg(
      'g',
      { class: 'estimate', 'data-model': row.model, 'data-cohort': row.cohort },
      Number.isFinite(row.lower) &&
        Number.isFinite(row.upper) &&
        svg('line', {
          x1: cx,
          x2: cx,
          y1: y(row.lower),
          y2: y(row.upper),
          stroke: color,
          'stroke-width': 1.5,
        }),
      svg('circle', { cx, cy: y(row.estimate), r: 4, fill: color }),
    );
  });
  const right = area.right - 120;
  return figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel ?? 'C-index (95% CI)', ticks: 6, format: (v) => v.toFixed(2) }),
    svg('line', {
      x1: area.left,
      x2: right,
      y1: y(0.5),
      y2: y(0.5),
      stroke: t.foreground,
      'stroke-dasharray': '4 3',
    }),
    svg('line', { x1: area.left, x2: right, y1: area.bottom, y2: area.bottom, stroke: t.foreground }),
    models.map((m) =>
      text((x(m) ?? 0) + x.bandwidth() / 2, area.bottom + 18, m, {
        anchor: 'middle',
        size: t.fontSize,
        className: 'model-label',
        theme: t,
      }),
    ),
    marks,
    legend(
      cohorts.map((c, i) => ({ label: c, color: seriesColor(i, t) })),
      { x: area.right - 110, y: area.top + 8, theme: t },
    ),
  ]);
}
