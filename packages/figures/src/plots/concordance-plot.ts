import type { ValidationResult } from '@tace/survival';
import { scaleLinear } from 'd3';
import { axisBottom } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth } from '../base/font-metrics.js';
import { type FigureOptions, figureSize, plotArea } from '../base/plot-area.js';
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
  /** Patients used. @default undefined (no n column) */
  n?: number;
}

/** Options of {@link concordancePlot}. */
export interface ConcordancePlotOptions extends FigureOptions {
  /** Title of the estimate axis and column. @default 'C-index (95% CI)' */
  yLabel?: string;
  /** The metric drawn when given a `ValidationResult` (`'harrell_c'`, `'uno_c'`, `'td_auc@24'`, ...). @default 'harrell_c' */
  metric?: string;
  /** Reference line (chance). @default 0.5 */
  reference?: number;
}

const MAX_LABEL = 220;

/**
 * C-index (or any bounded metric) of each model in each cohort as a forest-like plot: one row per model x
 * cohort, grouped under the model's name (bold), a point with its 95% CI as a horizontal whisker (one colour
 * per cohort), a dashed line at 0.5, and columns with n and "estimate (lower-upper)" as `ggforest` prints
 * them. Takes `validateModels(...)`'s result (the rows of `options.metric`, CIs from its bootstrap) or rows of
 * the validation table. Rows without a CI (NaN limits) show the point alone. Long names are ellipsized at
 * 220 px; no two labels overlap.
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
  const t0 = options.theme ?? plotArea(options).theme;
  const size = t0.fontSize;
  const rowHeight = Math.max(18, size * 1.8);
  const lines = models.flatMap((model) => [
    { kind: 'model' as const, model, row: undefined as ModelCohortEstimate | undefined },
    ...rows.filter((r) => r.model === model).map((row) => ({ kind: 'cohort' as const, model, row })),
  ]);
  const labelOf = (l: (typeof lines)[number]) =>
    l.kind === 'model' ? l.model : (l.row as ModelCohortEstimate).cohort;
  const naturalLabelWidth = Math.min(
    MAX_LABEL,
    Math.max(
      40,
      ...lines.map(
        (l) =>
          textWidth(labelOf(l), size, l.kind === 'model' ? 'bold' : 'normal') +
          (l.kind === 'cohort' ? 12 : 0),
      ),
    ),
  );
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'NA');
  const ciText = (r: ModelCohortEstimate) =>
    Number.isFinite(r.lower) && Number.isFinite(r.upper)
      ? `${fmt(r.estimate)} (${fmt(r.lower)}-${fmt(r.upper)})`
      : fmt(r.estimate);
  const hasN = rows.some((r) => r.n !== undefined);
  const nWidth = hasN
    ? Math.max(textWidth('n', size, 'bold'), ...rows.map((r) => textWidth(String(r.n ?? ''), size))) + 16
    : 0;
  const yLabel = options.yLabel ?? 'C-index (95% CI)';
  const ciWidth =
    Math.max(textWidth(yLabel, size, 'bold'), ...rows.map((r) => textWidth(ciText(r), size))) + 12;
  // a width given by the caller: the label column gives way so that the plot keeps ~20% of the figure
  const givenWidth = figureSize(options).width;
  const labelWidth =
    givenWidth === undefined
      ? naturalLabelWidth
      : Math.max(60, Math.min(naturalLabelWidth, givenWidth * 0.8 - 52 - nWidth - ciWidth));
  const top = (options.title ? 40 : 12) + size + 10;
  const area = plotArea(options, {
    width: Math.max(
      12 + labelWidth + 16 + 300 + 16 + nWidth + ciWidth + 8,
      12 + labelWidth + 16 + textWidth(options.title ?? '', t0.titleSize, 'bold') + 16,
    ),
    height: top + lines.length * rowHeight + 56,
    margin: { top, right: 16 + nWidth + ciWidth + 8, bottom: 56, left: 12 + labelWidth + 16 },
  });
  const t = area.theme;
  const values = rows.flatMap((r) => [r.lower, r.upper, r.estimate]).filter(Number.isFinite);
  const reference = options.reference ?? 0.5;
  const lo = Math.min(reference, ...values);
  const hi = Math.max(reference, ...values);
  const x = scaleLinear()
    .domain([Math.max(0, lo - 0.02), Math.min(1, hi + 0.02)])
    .range([area.left, area.right])
    .nice();
  const yOf = (i: number) => area.top + (i + 0.5) * ((area.bottom - area.top) / lines.length);
  const nX = area.right + 16 + nWidth - 8;
  const ciX = area.right + 16 + nWidth;
  const marks = lines.map((l, i) => {
    const y = yOf(i);
    if (l.kind === 'model')
      return text(12, y + size * 0.35, ellipsize(l.model, labelWidth, size, 'bold'), {
        size,
        weight: 'bold',
        theme: t,
        className: 'model-label',
      });
    const r = l.row as ModelCohortEstimate;
    const color = seriesColor(cohorts.indexOf(r.cohort), t);
    const clamp = (v: number) => Math.min(area.right, Math.max(area.left, x(v)));
    return svg(
      'g',
      { class: 'estimate', 'data-model': r.model, 'data-cohort': r.cohort },
      text(24, y + size * 0.35, ellipsize(r.cohort, labelWidth - 12, size), {
        size,
        theme: t,
        className: 'cohort-label',
      }),
      Number.isFinite(r.lower) &&
        Number.isFinite(r.upper) &&
        svg('line', {
          x1: clamp(r.lower),
          x2: clamp(r.upper),
          y1: y,
          y2: y,
          stroke: color,
          'stroke-width': 1.5,
          class: 'ci',
        }),
      Number.isFinite(r.estimate) && svg('circle', { cx: x(r.estimate), cy: y, r: 4, fill: color }),
      hasN && text(nX, y + size * 0.35, String(r.n ?? ''), { anchor: 'end', size, theme: t, className: 'n' }),
      text(ciX, y + size * 0.35, ciText(r), { size, theme: t, className: 'estimate-text' }),
    );
  });
  const headerY = area.top - 8;
  return figure(area, options.title, [
    lines.map(
      (_, i) =>
        i % 2 === 1 &&
        svg('rect', {
          x: 8,
          y: yOf(i) - rowHeight / 2,
          width: area.width - 16,
          height: rowHeight,
          fill: '#f4f4f4',
        }),
    ),
    svg('line', {
      x1: x(reference),
      x2: x(reference),
      y1: area.top,
      y2: area.bottom,
      stroke: t.foreground,
      'stroke-dasharray': '4 3',
      class: 'reference',
    }),
    hasN && text(nX, headerY, 'n', { anchor: 'end', size, weight: 'bold', theme: t }),
    text(ciX, headerY, yLabel, { size, weight: 'bold', theme: t }),
    marks,
    axisBottom(x, area, { label: yLabel, ticks: 5, format: (v) => v.toFixed(2) }),
  ]);
}
