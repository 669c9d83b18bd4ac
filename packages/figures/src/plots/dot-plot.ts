import { assertSameLength, isMissing, TaceError } from '@tace/core';
import { figure } from '../base/figure.js';
import { ellipsize, textWidth } from '../base/font-metrics.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { palettes } from '../base/theme.js';
import { colorBar, colorBarHeight, colorBarWidth, continuousColor } from './color-bar.js';

/**
 * One dot: a signature (or gene) in a cell type (optionally in a group, e.g. a risk group). `@tace/omics`'
 * `compareCellTypes(...).dots` has the same `signature`, `cellType`, `group`, `meanScore` and `nCells`
 * fields; add `fraction` (or build the dots from per-cell scores with {@link dotPlotData}).
 */
export interface DotPlotDot {
  signature: string;
  cellType: string;
  /** e.g. the risk group, for `split` rows. @default undefined */
  group?: string;
  /** Colour: mean score (or expression) of the cells. */
  meanScore: number;
  /** Size: fraction (0-1) of the cells expressing / scoring above the threshold (Seurat's `pct.exp` / 100). */
  fraction: number;
  /** Cells behind the dot. @default undefined */
  nCells?: number;
}

/** Options of {@link dotPlotData}. */
export interface DotPlotDataOptions {
  /** A group per cell (e.g. the patient's risk group): one dot per cell type x group (Seurat `split.by`). @default undefined */
  group?: ArrayLike<unknown>;
  /** A cell counts as expressing / scoring when its value is above this (Seurat: expression > 0). @default 0 */
  threshold?: number;
  /**
   * Average `expm1(x)` instead of x, as Seurat's `DotPlot` averages log-normalized expression (`avg.exp`);
   * leave off for signature scores (plain mean). @default false
   */
  expm1?: boolean;
}

/**
 * Dot-plot data from per-cell scores, as Seurat's `DotPlot` computes `avg.exp` and `pct.exp`: per signature x
 * cell type (x group), the mean of the cells' values (of `expm1` of them with `expm1: true`, Seurat's average
 * of log-normalized expression) and the fraction above `threshold`; matches Seurat 4.3.0 `DotPlot(...)$data`
 * (`avg.exp`, `pct.exp / 100`) to 1e-12. Cells with a
 * missing cell type (or group) or a missing value are left out of that dot (its `nCells` counts the cells
 * used).
 * @throws {TaceError} `LENGTH_MISMATCH` when a score, `cellType` or `group` differ in length.
 * @example dotPlotData({ Hypoxia: hypoxia, 'T cell exhaustion': exhaustion }, cellType, { group: riskOfCell })
 */
export function dotPlotData(
  scores: Record<string, ArrayLike<number>>,
  cellType: ArrayLike<unknown>,
  options: DotPlotDataOptions = {},
): DotPlotDot[] {
  const group = options.group;
  const threshold = options.threshold ?? 0;
  const expm1 = options.expm1 ?? false;
  for (const [name, values] of Object.entries(scores))
    assertSameLength(['cellType', cellType], [name, values]);
  if (group !== undefined) assertSameLength(['cellType', cellType], ['group', group]);
  const keys = new Map<string, { cellType: string; group?: string; cells: number[] }>();
  for (let i = 0; i < cellType.length; i++) {
    if (isMissing(cellType[i]) || (group !== undefined && isMissing(group[i]))) continue;
    const c = String(cellType[i]);
    const g = group === undefined ? undefined : String(group[i]);
    const key = `${c}\u0000${g ?? ''}`;
    let entry = keys.get(key);
    if (entry === undefined) {
      entry = { cellType: c, group: g, cells: [] };
      keys.set(key, entry);
    }
    entry.cells.push(i);
  }
  const dots: DotPlotDot[] = [];
  for (const [signature, values] of Object.entries(scores))
    for (const entry of keys.values()) {
      let sum = 0;
      let above = 0;
      let used = 0;
      for (const i of entry.cells) {
        const v = values[i];
        if (!Number.isFinite(v)) continue;
        used++;
        sum += expm1 ? Math.expm1(v) : v;
        if (v > threshold) above++;
      }
      dots.push({
        signature,
        cellType: entry.cellType,
        ...(entry.group === undefined ? {} : { group: entry.group }),
        meanScore: used === 0 ? Number.NaN : sum / used,
        fraction: used === 0 ? Number.NaN : above / used,
        nCells: used,
      });
    }
  return dots;
}

/** Options of {@link dotPlot}. */
export interface DotPlotOptions extends FigureOptions {
  /**
   * Colour by the mean scaled per signature across the rows (z-score with the n - 1 SD, clipped to
   * [-2.5, 2.5]), as Seurat `DotPlot(scale = TRUE, col.min = -2.5, col.max = 2.5)` (its `avg.exp.scaled`, to
   * 1e-12); `false` colours by the mean itself.
   * @default true
   */
  scale?: boolean;
  /** Size encodes the fraction by the dot's radius (Seurat's default `scale.by = 'radius'`) or area (`'size'`). @default 'radius' */
  scaleBy?: 'radius' | 'size';
  /** Radius of a dot of fraction 1, px (Seurat `dot.scale` = 6 pt). @default 8 */
  maxRadius?: number;
  /** Stops of the colour scale. @default palettes.blueRed when `scale`, else palettes.viridis */
  colorStops?: readonly string[];
  /** Title of the colour legend. @default 'Mean score (scaled)' / 'Mean score' */
  colorTitle?: string;
  /** Title of the size legend. @default 'Fraction of cells' */
  sizeTitle?: string;
  /** Order of the cell types (rows, top to bottom) and signatures (columns). @default order of first appearance */
  cellTypes?: readonly string[];
  signatures?: readonly string[];
}

/** Column-wise z-scores of means (per signature across rows), clipped as Seurat. */
function scaledMeans(dots: readonly DotPlotDot[], scale: boolean): Float64Array {
  const out = Float64Array.from(dots, (d) => d.meanScore);
  if (!scale) return out;
  const bySignature = new Map<string, number[]>();
  dots.forEach((d, i) => {
    if (!bySignature.has(d.signature)) bySignature.set(d.signature, []);
    bySignature.get(d.signature)?.push(i);
  });
  for (const rows of bySignature.values()) {
    const finite = rows.filter((i) => Number.isFinite(out[i]));
    const mean = finite.reduce((s, i) => s + out[i], 0) / finite.length;
    const sd = Math.sqrt(
      finite.reduce((s, i) => s + (out[i] - mean) ** 2, 0) / Math.max(1, finite.length - 1),
    );
    for (const i of rows) out[i] = sd > 0 ? Math.min(2.5, Math.max(-2.5, (out[i] - mean) / sd)) : 0;
  }
  return out;
}

/**
 * Dot plot of signatures (columns) by cell type (rows), as Seurat's `DotPlot`: the dot's size is the
 * fraction of cells scoring above the threshold, its colour the mean score (scaled per signature by
 * default); with a `group` on the dots (e.g. risk group, Seurat `split.by`) each cell type gets one
 * sub-row per group. A colour bar and a size legend (fractions 0.25, 0.5, 0.75, 1) sit on the right.
 * Signature names are written vertically under the columns and ellipsized past 160 px, cell-type names
 * ellipsized past 200 px; no two labels overlap.
 * @throws {TaceError} `EMPTY_INPUT` when there are no dots; `INVALID_ARGUMENT` for a fraction outside [0, 1].
 * @example
 * ```ts
 * dotPlot(dotPlotData({ Hypoxia: hypoxia, Cytotoxicity: cytotox }, cellType, { group: riskOfCell }));
 * ```
 */
export function dotPlot(dots: readonly DotPlotDot[], options: DotPlotOptions = {}): SvgElement {
  if (dots.length === 0) throw new TaceError('EMPTY_INPUT', 'no dots to draw', { param: 'dots' });
  for (const d of dots)
    if (Number.isFinite(d.fraction) && (d.fraction < 0 || d.fraction > 1))
      throw new TaceError(
        'INVALID_ARGUMENT',
        `fraction must be in [0, 1], was ${d.fraction} (${d.signature}, ${d.cellType})`,
        {
          param: 'fraction',
          remedy: 'give fractions, not percentages (Seurat pct.exp / 100)',
        },
      );
  const t0 = options.theme ?? plotArea(options).theme;
  const size = t0.fontSize;
  const signatures = options.signatures ?? [...new Set(dots.map((d) => d.signature))];
  const cellTypes = options.cellTypes ?? [...new Set(dots.map((d) => d.cellType))];
  const groups = [...new Set(dots.flatMap((d) => (d.group === undefined ? [] : [d.group])))];
  const split = groups.length > 0;
  const subRows = split ? groups : [''];
  const scale = options.scale ?? true;
  const values = scaledMeans(dots, scale);
  const finite = Array.from(values).filter(Number.isFinite);
  const lo = scale ? Math.max(-2.5, Math.min(...finite)) : Math.min(...finite);
  const hi = scale ? Math.min(2.5, Math.max(...finite)) : Math.max(...finite);
  const color = continuousColor(
    options.colorStops ?? (scale ? palettes.blueRed : palettes.viridis),
    lo,
    hi === lo ? lo + 1 : hi,
  );
  const maxRadius = options.maxRadius ?? 8;
  const radius = (f: number) =>
    (options.scaleBy === 'size' ? Math.sqrt(Math.max(0, f)) : Math.max(0, f)) * maxRadius;
  const cell = Math.max(2 * maxRadius + 4, size * 1.5);
  const typeLabels = cellTypes.map((c) => ellipsize(c, 200, size));
  const groupWidth = split ? Math.max(...groups.map((g) => textWidth(g, size))) + 10 : 0;
  const typeWidth = Math.max(...typeLabels.map((l) => textWidth(l, size)));
  const sigLabels = signatures.map((s) => ellipsize(s, 160, size));
  const sigHeight = Math.max(...sigLabels.map((l) => textWidth(l, size)));
  const colorTitle = options.colorTitle ?? (scale ? 'Mean score (scaled)' : 'Mean score');
  const sizeTitle = options.sizeTitle ?? 'Fraction of cells';
  const legendWidth = Math.max(
    colorBarWidth(colorTitle, color, t0),
    textWidth(sizeTitle, size, 'bold'),
    2 * maxRadius + 8 + textWidth('0.75', size),
  );
  const rowsCount = cellTypes.length * subRows.length;
  const sizeLegendHeight = size + 6 + 4 * (2 * maxRadius + 4);
  const top = options.title ? 40 : 14;
  const area = plotArea(options, {
    width: 12 + typeWidth + 8 + groupWidth + signatures.length * cell + 24 + legendWidth + 12,
    height: Math.max(
      top + rowsCount * cell + 10 + sigHeight + 12,
      top + colorBarHeight(t0) + 16 + sizeLegendHeight + 12,
    ),
    margin: {
      top,
      right: 24 + legendWidth + 12,
      bottom: 10 + sigHeight + 12,
      left: 12 + typeWidth + 8 + groupWidth,
    },
  });
  const t = area.theme;
  const colWidth = (area.right - area.left) / signatures.length;
  const rowHeight = (area.bottom - area.top) / rowsCount;
  const rowOf = (cellType: string, group: string | undefined) =>
    cellTypes.indexOf(cellType) * subRows.length + (split ? groups.indexOf(group ?? '') : 0);
  const marks: SvgElement[] = [];
  let skipped = 0;
  dots.forEach((d, i) => {
    const row = rowOf(d.cellType, d.group);
    const col = signatures.indexOf(d.signature);
    if (row < 0 || col < 0 || (split && d.group === undefined) || !Number.isFinite(d.fraction)) {
      skipped++;
      return;
    }
    marks.push(
      svg('circle', {
        cx: area.left + (col + 0.5) * colWidth,
        cy: area.top + (row + 0.5) * rowHeight,
        r: radius(d.fraction),
        fill: color(values[i]),
        stroke: '#555555',
        'stroke-width': 0.4,
        class: 'dot',
        'data-signature': d.signature,
        'data-cell-type': d.cellType,
        'data-group': d.group,
        'data-fraction': d.fraction,
        'data-mean': d.meanScore,
        'data-color-value': values[i],
      }),
    );
  });
  const labels = [
    cellTypes.map((_, c) =>
      text(
        area.left - 8 - groupWidth,
        area.top + (c + 0.5) * subRows.length * rowHeight + size * 0.35,
        typeLabels[c],
        { anchor: 'end', size, theme: t, className: 'cell-type-label' },
      ),
    ),
    split &&
      cellTypes.map((_, c) =>
        groups.map((g, k) =>
          text(area.left - 6, area.top + (c * subRows.length + k + 0.5) * rowHeight + size * 0.35, g, {
            anchor: 'end',
            size: size * 0.9,
            color: '#555555',
            theme: t,
            className: 'group-label',
          }),
        ),
      ),
    sigLabels.map((l, s) => {
      const x = area.left + (s + 0.5) * colWidth + size * 0.35;
      return text(x, area.bottom + 8, l, {
        anchor: 'end',
        rotate: -90,
        size,
        theme: t,
        className: 'signature-label',
      });
    }),
  ];
  // light separators between cell types when split
  const separators =
    split &&
    cellTypes.slice(1).map((_, c) =>
      svg('line', {
        x1: area.left,
        x2: area.right,
        y1: area.top + (c + 1) * subRows.length * rowHeight,
        y2: area.top + (c + 1) * subRows.length * rowHeight,
        stroke: t.grid,
      }),
    );
  const lx = area.right + 24;
  const sizeTop = area.top + colorBarHeight(t) + 16;
  const sizeLegend = svg(
    'g',
    { class: 'size-legend' },
    text(lx, sizeTop + size * 0.8, sizeTitle, { size, weight: 'bold', theme: t }),
    [0.25, 0.5, 0.75, 1].map((f, k) => {
      const cy = sizeTop + size + 6 + (k + 0.5) * (2 * maxRadius + 4);
      return [
        svg('circle', { cx: lx + maxRadius, cy, r: radius(f), fill: '#888888' }),
        text(lx + 2 * maxRadius + 8, cy + size * 0.35, String(f), {
          size,
          theme: t,
          className: 'legend-tick',
        }),
      ];
    }),
  );
  const root = figure(area, options.title, [
    separators,
    marks,
    labels,
    colorBar(lx, area.top, colorTitle, color, t),
    sizeLegend,
  ]);
  root.attributes['data-skipped'] = skipped;
  return root;
}
