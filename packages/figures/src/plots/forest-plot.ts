import { type SvgElement, svg } from '@tace/core';
import { scaleLog } from 'd3';
import { type FigureSize, figure, plotArea, text, xAxis } from './frame.js';
import { formatPValue, THEME } from './theme.js';

/** One row of a forest plot: an estimate with its confidence interval (ratio scale). */
export interface ForestRow {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  p?: number;
}

/**
 * Forest plot of hazard ratios (log scale) with 95% CIs, a reference line at 1, and the estimate, CI and
 * p-value printed per row. Rows come, e.g., from a Cox fit's `hazardRatio`, `lower`, `upper`, `p`.
 */
export function forestPlot(
  rows: readonly ForestRow[],
  options: FigureSize & { title?: string; xLabel?: string } = {},
): SvgElement {
  const rowHeight = 26;
  const area = plotArea({
    width: options.width ?? 720,
    height: options.height ?? 100 + rowHeight * rows.length,
    margin: { top: 48, right: 230, bottom: 56, left: 180 },
  });
  const finite = rows.flatMap((r) => [r.lower, r.upper]).filter((v) => Number.isFinite(v) && v > 0);
  const low = Math.min(0.5, ...finite);
  const high = Math.max(2, ...finite);
  const x = scaleLog().domain([low, high]).range([area.left, area.right]).nice();
  const marks = rows.map((row, i) => {
    const cy = area.top + rowHeight * (i + 0.5);
    const ok = [row.estimate, row.lower, row.upper].every((v) => Number.isFinite(v) && v > 0);
    return svg('g', { class: 'forest-row', 'data-label': row.label }, [
      text(area.left - 10, cy + 4, row.label, { anchor: 'end' }),
      ok
        ? svg('line', {
            x1: x(row.lower),
            x2: x(row.upper),
            y1: cy,
            y2: cy,
            stroke: THEME.foreground,
            'stroke-width': 1.5,
          })
        : null,
      ok
        ? svg('rect', {
            x: x(row.estimate) - 5,
            y: cy - 5,
            width: 10,
            height: 10,
            fill: THEME.palette[0],
            class: 'estimate',
          })
        : null,
      text(
        area.right + 12,
        cy + 4,
        `${row.estimate.toFixed(2)} (${row.lower.toFixed(2)}-${row.upper.toFixed(2)})${row.p === undefined ? '' : `  ${formatPValue(row.p)}`}`,
        { size: THEME.smallSize },
      ),
    ]);
  });
  return figure(area, options.title, [
    svg('line', {
      x1: x(1),
      x2: x(1),
      y1: area.top,
      y2: area.bottom,
      stroke: THEME.foreground,
      'stroke-dasharray': '4 3',
      class: 'reference',
    }),
    xAxis(x, area, options.xLabel ?? 'Hazard ratio (95% CI)', logTicks(x.domain() as [number, number]), (v) =>
      String(v),
    ),
    text(area.right + 12, area.top - 12, 'HR (95% CI)', { size: THEME.smallSize, weight: 'bold' }),
    ...marks,
  ]);
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
