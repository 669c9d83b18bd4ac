import { type SvgElement, svg } from '@tace/core';
import { scaleBand } from 'd3';
import { type FigureSize, figure, legend, linear, plotArea, text, yAxis } from './frame.js';
import { seriesColour, THEME } from './theme.js';

/** One estimate of a model's discrimination in a cohort. */
export interface ModelCohortEstimate {
  model: string;
  cohort: string;
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * C-index (or any bounded metric) by model x cohort: grouped points with CI whiskers, one colour per
 * cohort, a reference line at 0.5. Takes the rows of the validation table directly.
 */
export function concordancePlot(
  rows: readonly ModelCohortEstimate[],
  options: FigureSize & { title?: string; yLabel?: string } = {},
): SvgElement {
  const models = [...new Set(rows.map((r) => r.model))];
  const cohorts = [...new Set(rows.map((r) => r.cohort))];
  const area = plotArea({
    width: options.width ?? Math.max(640, 90 * models.length + 160),
    height: options.height ?? 420,
  });
  const x = scaleBand()
    .domain(models)
    .range([area.left, area.right - 120])
    .padding(0.2);
  const inner = scaleBand().domain(cohorts).range([0, x.bandwidth()]).padding(0.3);
  const values = rows.flatMap((r) => [r.lower, r.upper, r.estimate]).filter(Number.isFinite);
  const y = linear(
    [Math.min(0.5, ...values) - 0.02, Math.min(1, Math.max(...values) + 0.02)],
    [area.bottom, area.top],
  );
  const marks = rows.map((row) => {
    const cx = (x(row.model) ?? 0) + (inner(row.cohort) ?? 0) + inner.bandwidth() / 2;
    const colour = seriesColour(cohorts.indexOf(row.cohort));
    return svg('g', { class: 'estimate', 'data-model': row.model, 'data-cohort': row.cohort }, [
      Number.isFinite(row.lower) && Number.isFinite(row.upper)
        ? svg('line', {
            x1: cx,
            x2: cx,
            y1: y(row.lower),
            y2: y(row.upper),
            stroke: colour,
            'stroke-width': 1.5,
          })
        : null,
      svg('circle', { cx, cy: y(row.estimate), r: 4, fill: colour }),
    ]);
  });
  return figure(area, options.title, [
    yAxis(y, area, options.yLabel ?? 'C-index (95% CI)', 6, (v) => v.toFixed(2)),
    svg('line', {
      x1: area.left,
      x2: area.right - 120,
      y1: y(0.5),
      y2: y(0.5),
      stroke: THEME.foreground,
      'stroke-dasharray': '4 3',
    }),
    svg('line', {
      x1: area.left,
      x2: area.right - 120,
      y1: area.bottom,
      y2: area.bottom,
      stroke: THEME.foreground,
    }),
    ...models.map((m) =>
      text((x(m) ?? 0) + x.bandwidth() / 2, area.bottom + 18, m, {
        anchor: 'middle',
        size: THEME.smallSize,
        className: 'model-label',
      }),
    ),
    ...marks,
    legend(
      area.right - 110,
      area.top + 8,
      cohorts.map((c, i) => ({ label: c, colour: seriesColour(i) })),
    ),
  ]);
}
