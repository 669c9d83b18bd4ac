import type { DenseMatrix } from '@tace/core';
import { interpolateRdBu } from 'd3';
import { figure } from '../base/figure.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { seriesColor } from '../base/theme.js';

/**
 * What {@link heatmap} draws: core's column-major matrix (entry (i, j) at `data[i + j * rows]`), with row
 * names when it carries them (omics' `GeneSetScores.sets`, `ExpressionMatrix.genes`).
 */
export type HeatmapMatrix = DenseMatrix & { sets?: readonly string[]; genes?: readonly string[] };

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends FigureOptions {
  /** Row labels. @default `matrix.sets`, else `matrix.genes`, else row numbers (1-based) */
  rowLabels?: readonly string[];
  /** Column names, kept as each cell's `data-column`. @default `samples` when the matrix has them */
  columnLabels?: readonly string[];
  /** A group label per column (e.g. risk group): columns are ordered by group and a color bar drawn above. @default undefined */
  columnGroups?: readonly string[];
}

/** Each row's values standardized (z-scores over its finite values, sample SD), clipped to +-2.5. */
function rowZScores(m: DenseMatrix, r: number): Float64Array {
  let sum = 0;
  let count = 0;
  for (let c = 0; c < m.columns; c++) {
    const v = m.data[r + c * m.rows];
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  const mean = sum / Math.max(1, count);
  let ss = 0;
  for (let c = 0; c < m.columns; c++) {
    const v = m.data[r + c * m.rows];
    if (Number.isFinite(v)) ss += (v - mean) ** 2;
  }
  const sd = Math.sqrt(ss / Math.max(1, count - 1)) || 1;
  const z = new Float64Array(m.columns);
  for (let c = 0; c < m.columns; c++)
    z[c] = Math.max(-2.5, Math.min(2.5, (m.data[r + c * m.rows] - mean) / sd));
  return z;
}

/**
 * Heatmap of row-standardized values (z-scores per row, clipped to +-2.5) on a diverging blue-red scale,
 * columns optionally ordered and annotated by group: e.g. gene-set scores (rows) x patients (columns) by
 * risk group. Takes a `DenseMatrix` such as `scoreGeneSets(...)`'s result.
 * @example heatmap(scores, { columnGroups: scores.samples.map((s) => riskGroup[s]) })
 */
export function heatmap(matrix: HeatmapMatrix, options: HeatmapOptions = {}): SvgElement {
  const nRows = matrix.rows;
  const nCols = matrix.columns;
  const rowLabels =
    options.rowLabels ??
    matrix.sets ??
    matrix.genes ??
    Array.from({ length: nRows }, (_, r) => String(r + 1));
  const columnLabels = options.columnLabels ?? (matrix as { samples?: readonly string[] }).samples;
  const groups = options.columnGroups;
  const area = plotArea(options, {
    width: 720,
    height: Math.max(240, 60 + 22 * nRows + 60),
    margin: { top: 64, right: 24, bottom: 24, left: 220 },
  });
  const t = area.theme;
  const order = Array.from({ length: nCols }, (_, c) => c);
  if (groups) order.sort((a, b) => (groups[a] < groups[b] ? -1 : groups[a] > groups[b] ? 1 : a - b));
  const cellWidth = (area.right - area.left) / Math.max(1, nCols);
  const cellHeight = (area.bottom - area.top) / Math.max(1, nRows);
  const cells: SvgElement[] = [];
  for (let r = 0; r < nRows; r++) {
    const z = rowZScores(matrix, r);
    order.forEach((c, position) => {
      cells.push(
        svg('rect', {
          x: area.left + position * cellWidth,
          y: area.top + r * cellHeight,
          width: cellWidth + 0.2,
          height: cellHeight,
          fill: Number.isFinite(z[c]) ? interpolateRdBu(0.5 - z[c] / 5) : '#cccccc',
          class: 'cell',
          'data-column': columnLabels?.[c],
        }),
      );
    });
    cells.push(
      text(area.left - 8, area.top + (r + 0.5) * cellHeight + 4, rowLabels[r], {
        anchor: 'end',
        size: t.fontSize,
        theme: t,
      }),
    );
  }
  const groupBar: SvgElement[] = [];
  if (groups) {
    const levels = [...new Set(groups)].sort();
    order.forEach((c, position) => {
      groupBar.push(
        svg('rect', {
          x: area.left + position * cellWidth,
          y: area.top - 14,
          width: cellWidth + 0.2,
          height: 10,
          fill: seriesColor(levels.indexOf(groups[c]), t),
          class: 'group-bar',
        }),
      );
    });
    levels.forEach((level, i) => {
      groupBar.push(
        svg('rect', {
          x: area.left + i * 110,
          y: area.top - 34,
          width: 10,
          height: 10,
          fill: seriesColor(i, t),
        }),
        text(area.left + i * 110 + 14, area.top - 25, level, { size: t.fontSize, theme: t }),
      );
    });
  }
  return figure(area, options.title, [groupBar, cells]);
}
