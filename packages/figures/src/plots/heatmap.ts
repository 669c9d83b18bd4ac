import type { DenseMatrix } from '@tace/core';
import { interpolateRdBu } from 'd3';
import { type ClusterTree, clusterItems } from '../base/cluster.js';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { seriesColor, type Theme } from '../base/theme.js';

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
  /** A group label per column (e.g. risk group): an annotation bar, and columns ordered by group when not clustered. @default undefined */
  columnGroups?: readonly string[];
  /** More annotation bars, one label per column each, as `pheatmap(annotation_col)`. @default {} */
  columnAnnotations?: Record<string, readonly string[]>;
  /** Cluster the rows (complete linkage, Euclidean, as `pheatmap`) and draw the dendrogram. @default true */
  clusterRows?: boolean;
  /** Cluster the columns and draw the dendrogram. @default true, false with `columnGroups` */
  clusterColumns?: boolean;
  /** Scale each row to z-scores (clipped to +-2.5), as `pheatmap(scale = "row")`. @default true */
  scaleRows?: boolean;
  /** Title of the color legend. @default 'z-score' (scaled), else 'value' */
  legendTitle?: string;
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

/** Dendrogram paths of a tree over leaves placed at `leafAt(item)`, heights mapped by `depth(h)` (0 = leaves). */
function dendrogram(
  tree: ClusterTree,
  leafAt: (item: number) => number,
  depth: (h: number) => number,
  vertical: boolean,
  t: Theme,
): SvgElement {
  const pos: { at: number; h: number }[] = [];
  const node = (k: number) => (k < 0 ? { at: leafAt(-k - 1), h: 0 } : pos[k]);
  let d = '';
  const pt = (along: number, h: number) => (vertical ? `${along},${depth(h)}` : `${depth(h)},${along}`);
  for (const m of tree.merges) {
    const a = node(m.left);
    const b = node(m.right);
    d += `M${pt(a.at, a.h)}L${pt(a.at, m.height)}L${pt(b.at, m.height)}L${pt(b.at, b.h)}`;
    pos.push({ at: (a.at + b.at) / 2, h: m.height });
  }
  return svg('path', { d, fill: 'none', stroke: t.foreground, 'stroke-width': 0.7, class: 'dendrogram' });
}

/**
 * Clustered heatmap as R `pheatmap`: row-scaled values (z-scores) on a diverging blue-red scale, rows and
 * columns ordered by hierarchical clustering (complete linkage, Euclidean) with dendrograms, column
 * annotation bars (risk group, cohort, ...) with their legends, and a color legend. Takes a `DenseMatrix`
 * such as `scoreGeneSets(...)`'s result (rows = sets, columns = samples).
 * @example heatmap(scores, { columnAnnotations: { 'Risk group': riskGroup, Cohort: cohort } })
 */
export function heatmap(matrix: HeatmapMatrix, options: HeatmapOptions = {}): SvgElement {
  const nRows = matrix.rows;
  const nCols = matrix.columns;
  const t0 = options.theme ?? plotArea(options).theme;
  const size = t0.fontSize;
  const rowLabels =
    options.rowLabels ??
    matrix.sets ??
    matrix.genes ??
    Array.from({ length: nRows }, (_, r) => String(r + 1));
  const columnLabels = options.columnLabels ?? (matrix as { samples?: readonly string[] }).samples;
  const annotations: [string, readonly string[]][] = [
    ...(options.columnGroups ? [['Group', options.columnGroups] as [string, readonly string[]]] : []),
    ...Object.entries(options.columnAnnotations ?? {}),
  ];
  const scale = options.scaleRows ?? true;
  const values = Array.from({ length: nRows }, (_, r) =>
    scale
      ? rowZScores(matrix, r)
      : Float64Array.from({ length: nCols }, (_, c) => matrix.data[r + c * nRows]),
  );
  let lo = -2.5;
  let hi = 2.5;
  if (!scale) {
    const finite = values.flatMap((v) => Array.from(v)).filter(Number.isFinite);
    lo = Math.min(...finite);
    hi = Math.max(...finite);
  }
  const clusterRows = (options.clusterRows ?? true) && nRows > 2;
  const clusterCols = (options.clusterColumns ?? !options.columnGroups) && nCols > 2;
  const rowTree = clusterRows ? clusterItems(values) : undefined;
  const colTree = clusterCols
    ? clusterItems(Array.from({ length: nCols }, (_, c) => values.map((v) => v[c])))
    : undefined;
  const rowOrder = rowTree?.order ?? Array.from({ length: nRows }, (_, r) => r);
  const colOrder = colTree?.order ?? Array.from({ length: nCols }, (_, c) => c);
  const groups = options.columnGroups;
  if (!colTree && groups)
    colOrder.sort((a, b) => (groups[a] < groups[b] ? -1 : groups[a] > groups[b] ? 1 : a - b));
  const labelWidth = Math.min(240, Math.max(...rowLabels.map((l) => textWidth(l, size))));
  const barHeight = 10;
  const dendroSize = 40;
  const legendWidth = Math.max(
    90,
    ...annotations.flatMap(([name, labels]) => [
      textWidth(name, size, 'bold'),
      ...[...new Set(labels)].map((l) => textWidth(l, size) + 16),
    ]),
  );
  const top =
    (options.title ? 40 : 12) + (clusterCols ? dendroSize + 4 : 0) + annotations.length * (barHeight + 3);
  const area = plotArea(options, {
    width: 760,
    height: Math.max(260, top + Math.max(14 * nRows, 120) + 16),
    margin: {
      top,
      right: labelWidth + 16 + legendWidth + 24,
      bottom: 16,
      left: 12 + (clusterRows ? dendroSize + 4 : 0),
    },
  });
  const t = area.theme;
  const cellWidth = (area.right - area.left) / Math.max(1, nCols);
  const cellHeight = (area.bottom - area.top) / Math.max(1, nRows);
  const color = (v: number) =>
    Number.isFinite(v) ? interpolateRdBu(1 - (v - lo) / (hi - lo || 1)) : '#cccccc';
  const cells: SvgElement[] = [];
  rowOrder.forEach((r, i) => {
    colOrder.forEach((c, j) => {
      cells.push(
        svg('rect', {
          x: area.left + j * cellWidth,
          y: area.top + i * cellHeight,
          width: cellWidth + 0.2,
          height: cellHeight + 0.2,
          fill: color(values[r][c]),
          class: 'cell',
          'data-column': columnLabels?.[c],
        }),
      );
    });
  });
  // Row labels only when they fit one per row (else every k-th).
  const every = Math.max(1, Math.ceil((size * 1.1) / cellHeight));
  const labels = rowOrder.map(
    (r, i) =>
      i % every === 0 &&
      text(
        area.right + 6,
        area.top + (i + 0.5) * cellHeight + size * 0.35,
        ellipsize(rowLabels[r], labelWidth, size),
        {
          size,
          theme: t,
          className: 'row-label',
        },
      ),
  );
  const bars = annotations.map(([name, labels], b) => {
    const levels = [...new Set(labels)].sort();
    const y = area.top - (annotations.length - b) * (barHeight + 3);
    return svg(
      'g',
      { class: 'annotation', 'data-name': name },
      colOrder.map((c, j) =>
        svg('rect', {
          x: area.left + j * cellWidth,
          y,
          width: cellWidth + 0.2,
          height: barHeight,
          fill: seriesColor(levels.indexOf(labels[c]) + ((b * 3) % t.palette.length), t),
          class: 'group-bar',
        }),
      ),
    );
  });
  // Legends to the right: the color scale, then one block per annotation.
  const legendX = area.right + labelWidth + 24;
  const gradientTop = area.top;
  const gradientHeight = Math.min(100, area.bottom - area.top);
  const steps = 20;
  const legendTitle = options.legendTitle ?? (scale ? 'z-score' : 'value');
  const colorLegend = svg(
    'g',
    { class: 'color-legend' },
    text(legendX, gradientTop - 4, legendTitle, { size, weight: 'bold', theme: t }),
    Array.from({ length: steps }, (_, k) =>
      svg('rect', {
        x: legendX,
        y: gradientTop + 4 + (k * gradientHeight) / steps,
        width: 12,
        height: gradientHeight / steps + 0.3,
        fill: color(hi - ((k + 0.5) * (hi - lo)) / steps),
      }),
    ),
    [hi, (hi + lo) / 2, lo].map((v, k) =>
      text(
        legendX + 16,
        gradientTop + 4 + (k * gradientHeight) / 2 + size * 0.35,
        String(Number(v.toPrecision(2))),
        {
          size,
          theme: t,
          className: 'legend-tick',
        },
      ),
    ),
  );
  let blockTop = gradientTop + gradientHeight + 24;
  const annotationLegends = annotations.map(([name, labels], b) => {
    const levels = [...new Set(labels)].sort();
    const y0 = blockTop;
    blockTop += (levels.length + 1) * (size + 5) + 8;
    return svg(
      'g',
      { class: 'annotation-legend' },
      text(legendX, y0, name, { size, weight: 'bold', theme: t }),
      levels.map((level, i) => [
        svg('rect', {
          x: legendX,
          y: y0 + 4 + i * (size + 5),
          width: 10,
          height: 10,
          fill: seriesColor(i + ((b * 3) % t.palette.length), t),
        }),
        text(legendX + 14, y0 + 4 + i * (size + 5) + size * 0.85, level, { size, theme: t }),
      ]),
    );
  });
  const rowPosition = new Map(rowOrder.map((r, i) => [r, area.top + (i + 0.5) * cellHeight]));
  const colPosition = new Map(colOrder.map((c, j) => [c, area.left + (j + 0.5) * cellWidth]));
  const maxHeight = (tree: ClusterTree) => Math.max(1e-12, ...tree.merges.map((m) => m.height));
  const dendrograms = [
    rowTree &&
      dendrogram(
        rowTree,
        (r) => rowPosition.get(r) ?? 0,
        (h) => area.left - 4 - (h / maxHeight(rowTree)) * dendroSize,
        false,
        t,
      ),
    colTree &&
      dendrogram(
        colTree,
        (c) => colPosition.get(c) ?? 0,
        (h) => area.top - annotations.length * (barHeight + 3) - 4 - (h / maxHeight(colTree)) * dendroSize,
        true,
        t,
      ),
  ];
  return figure(area, options.title, [bars, cells, labels, dendrograms, colorLegend, annotationLegends]);
}
