import { type SvgElement, svg } from '@tace/core';
import { interpolateRdBu } from 'd3';
import { type FigureSize, figure, plotArea, text } from './frame.js';
import { THEME } from './theme.js';

/** A matrix for a heatmap: `values[r * columns.length + c]`. */
export interface HeatmapData {
  rows: string[];
  columns: string[];
  values: ArrayLike<number>;
  /** Optional group label per column, drawn as a colour bar above (e.g. risk group). */
  columnGroups?: string[];
}

/**
 * Heatmap of row-standardised values (z-scores per row, clipped to +-2.5) with a diverging blue-red scale,
 * columns optionally ordered and annotated by group: e.g. signature scores (rows) x patients (columns) by
 * risk group.
 */
export function heatmap(data: HeatmapData, options: FigureSize & { title?: string } = {}): SvgElement {
  const nRows = data.rows.length;
  const nCols = data.columns.length;
  const area = plotArea({
    width: options.width ?? 720,
    height: options.height ?? Math.max(240, 60 + 22 * nRows + 60),
    margin: { top: 64, right: 24, bottom: 24, left: 220 },
  });
  const order = Array.from({ length: nCols }, (_, c) => c);
  if (data.columnGroups)
    order.sort((a, b) =>
      data.columnGroups![a] < data.columnGroups![b]
        ? -1
        : data.columnGroups![a] > data.columnGroups![b]
          ? 1
          : a - b,
    );
  const cellWidth = (area.right - area.left) / Math.max(1, nCols);
  const cellHeight = (area.bottom - area.top) / Math.max(1, nRows);
  const cells: SvgElement[] = [];
  for (let r = 0; r < nRows; r++) {
    let sum = 0;
    let count = 0;
    for (let c = 0; c < nCols; c++) {
      const v = data.values[r * nCols + c];
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    const mean = sum / Math.max(1, count);
    let ss = 0;
    for (let c = 0; c < nCols; c++) {
      const v = data.values[r * nCols + c];
      if (Number.isFinite(v)) ss += (v - mean) ** 2;
    }
    const sd = Math.sqrt(ss / Math.max(1, count - 1)) || 1;
    order.forEach((c, position) => {
      const v = data.values[r * nCols + c];
      const z = Math.max(-2.5, Math.min(2.5, (v - mean) / sd));
      cells.push(
        svg('rect', {
          x: area.left + position * cellWidth,
          y: area.top + r * cellHeight,
          width: cellWidth + 0.2,
          height: cellHeight,
          fill: Number.isFinite(v) ? interpolateRdBu(0.5 - z / 5) : '#cccccc',
          class: 'cell',
        }),
      );
    });
    cells.push(
      text(area.left - 8, area.top + (r + 0.5) * cellHeight + 4, data.rows[r], {
        anchor: 'end',
        size: THEME.smallSize,
      }),
    );
  }
  const groupBar: SvgElement[] = [];
  if (data.columnGroups) {
    const levels = [...new Set(data.columnGroups)].sort();
    order.forEach((c, position) => {
      const level = levels.indexOf(data.columnGroups![c]);
      groupBar.push(
        svg('rect', {
          x: area.left + position * cellWidth,
          y: area.top - 14,
          width: cellWidth + 0.2,
          height: 10,
          fill: THEME.palette[level % THEME.palette.length],
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
          fill: THEME.palette[i % THEME.palette.length],
        }),
      );
      groupBar.push(text(area.left + i * 110 + 14, area.top - 25, level, { size: THEME.smallSize }));
    });
  }
  return figure(area, options.title, [...groupBar, ...cells]);
}
