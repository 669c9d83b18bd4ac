import { assertInRange, assertOneOf, assertSameLength, TaceError } from '@tace/core';
import { scaleLinear } from 'd3';
import { axisBottom, axisLeft } from '../base/axes.js';
import { figure } from '../base/figure.js';
import { textWidth } from '../base/font-metrics.js';
import { type LegendEntry, legend } from '../base/legend.js';
import { type FigureOptions, plotArea } from '../base/plot-area.js';
import { type SvgElement, svg } from '../base/svg-element.js';
import { text } from '../base/text.js';
import { leaderEnd, placeLabels } from './label-repel.js';
import { circlesPath } from './point-marks.js';

/**
 * A differential-expression result: one entry per gene. `@tace/omics`' `DifferentialExpression` fits as
 * `{ genes: de.genes, logFC: de.logFC, pValue: de.moderatedPValue, adjustedPValue: de.moderatedAdjustedPValue }`
 * (limma `topTable`'s `logFC`, `P.Value`, `adj.P.Val`).
 */
export interface VolcanoInput {
  genes: readonly string[];
  /** Effect per gene: log2 fold change (or any signed effect). */
  logFC: ArrayLike<number>;
  pValue: ArrayLike<number>;
  /** Adjusted p-values (q, e.g. Benjamini-Hochberg). @default undefined */
  adjustedPValue?: ArrayLike<number>;
}

/** Options of {@link volcanoPlot}. */
export interface VolcanoPlotOptions extends FigureOptions {
  /** The p-values on the y axis (-log10): raw or adjusted. @default 'pValue' */
  y?: 'pValue' | 'adjustedPValue';
  /** The p-values the significance cut-off applies to. @default 'adjustedPValue' when given, else 'pValue' */
  significance?: 'pValue' | 'adjustedPValue';
  /** Significance cut-off (EnhancedVolcano `pCutoff`), drawn as a dashed horizontal line. @default 0.05 */
  pCutoff?: number;
  /** Absolute effect cut-off (EnhancedVolcano `FCcutoff`), drawn as dashed vertical lines at +-. @default 1 */
  fcCutoff?: number;
  /** Label the n most significant genes passing both cut-offs (by p, then |effect|). @default 10 */
  labelTop?: number;
  /** Genes to label instead of the top n (EnhancedVolcano `selectLab`). @default undefined */
  labels?: readonly string[];
  /** @default 'log2 fold change' */
  xLabel?: string;
  /** @default '-log10 p' or '-log10 q' (after `y`) */
  yLabel?: string;
  /** Legend names of the up, down and not significant genes. @default ['Up', 'Down', 'Not significant'] */
  classNames?: readonly [string, string, string];
  /** Colours of up, down and not significant genes. @default ['#D55E00', '#0072B2', '#BBBBBB'] (Okabe-Ito) */
  colors?: readonly [string, string, string];
  /** Point radius, px. @default 1.6 */
  pointRadius?: number;
}

/**
 * Volcano plot of a differential-expression result (as `EnhancedVolcano` / ggplot2): effect (log2 fold
 * change) against -log10 p, dashed cut-off lines, genes coloured up / down / not significant (counts in the
 * legend), and the top genes labelled so that no two labels overlap (each label takes the first free place
 * around its point, with a leader line when away from it; labels that find none are left out and listed in
 * the root's `data-labels-dropped`). p = 0 is drawn at the largest finite -log10 p (count in
 * `data-p-capped`); genes with a missing effect or p are left out (count in `data-omitted`). All points are
 * one `<path>` per class, so 20 000 genes stay a small vector file.
 * @throws {TaceError} `LENGTH_MISMATCH` when the arrays differ in length; `INVALID_ARGUMENT` for a cut-off
 * outside its range or `y: 'adjustedPValue'` without adjusted p-values.
 * @example
 * ```ts
 * const de = differentialExpression(matrix, groups, { target: 'high' });
 * volcanoPlot({ genes: de.genes, logFC: de.logFC, pValue: de.moderatedPValue, adjustedPValue: de.moderatedAdjustedPValue }, { labelTop: 15 });
 * ```
 */
export function volcanoPlot(input: VolcanoInput, options: VolcanoPlotOptions = {}): SvgElement {
  assertSameLength(
    ['genes', input.genes],
    ['logFC', input.logFC],
    ['pValue', input.pValue],
    ...(input.adjustedPValue
      ? [['adjustedPValue', input.adjustedPValue] as [string, ArrayLike<number>]]
      : []),
  );
  const yKind = options.y ?? 'pValue';
  const sigKind = options.significance ?? (input.adjustedPValue ? 'adjustedPValue' : 'pValue');
  assertOneOf(yKind, 'y', ['pValue', 'adjustedPValue']);
  assertOneOf(sigKind, 'significance', ['pValue', 'adjustedPValue']);
  if ((yKind === 'adjustedPValue' || sigKind === 'adjustedPValue') && input.adjustedPValue === undefined) {
    throw new TaceError('INVALID_ARGUMENT', 'adjusted p-values requested but not given', {
      param: 'adjustedPValue',
      remedy: "pass input.adjustedPValue, or set y and significance to 'pValue'",
    });
  }
  const pCutoff = options.pCutoff ?? 0.05;
  const fcCutoff = options.fcCutoff ?? 1;
  assertInRange(pCutoff, 'pCutoff', 0, 1, { lower: true });
  assertInRange(fcCutoff, 'fcCutoff', 0, Number.POSITIVE_INFINITY);
  const yP = yKind === 'pValue' ? input.pValue : (input.adjustedPValue as ArrayLike<number>);
  const sigP = sigKind === 'pValue' ? input.pValue : (input.adjustedPValue as ArrayLike<number>);
  const n = input.genes.length;
  const fc = input.logFC;
  // -log10 p, p = 0 capped at the largest finite value
  let maxFinite = 0;
  for (let i = 0; i < n; i++)
    if (yP[i] > 0 && yP[i] <= 1) maxFinite = Math.max(maxFinite, -Math.log10(yP[i]));
  const yv = new Float64Array(n);
  const kind = new Int8Array(n); // 0 up, 1 down, 2 ns, -1 omitted
  let omitted = 0;
  let capped = 0;
  const counts = [0, 0, 0];
  let lineP = 0; // largest y-axis p among significant genes (where the cut-off line is drawn when y != significance)
  for (let i = 0; i < n; i++) {
    const p = yP[i];
    if (!Number.isFinite(fc[i]) || !(p >= 0 && p <= 1) || !(sigP[i] >= 0)) {
      kind[i] = -1;
      omitted++;
      continue;
    }
    if (p === 0) capped++;
    yv[i] = p === 0 ? maxFinite : -Math.log10(p);
    const significant = sigP[i] <= pCutoff;
    if (significant) lineP = Math.max(lineP, p);
    kind[i] = significant && Math.abs(fc[i]) >= fcCutoff ? (fc[i] > 0 ? 0 : 1) : 2;
    counts[kind[i]]++;
  }
  const names = options.classNames ?? ['Up', 'Down', 'Not significant'];
  const colors = options.colors ?? ['#D55E00', '#0072B2', '#BBBBBB'];
  const t0 = options.theme ?? plotArea(options).theme;
  const entries: LegendEntry[] = [0, 1, 2].map((k) => ({
    label: `${names[k]} (n = ${counts[k]})`,
    color: colors[k],
    symbol: 'point',
  }));
  const legendWidth = 24 + Math.max(...entries.map((e) => textWidth(e.label, t0.fontSize)));
  const area = plotArea(options, {
    width: 560 + legendWidth,
    height: 460,
    margin: { top: options.title ? 40 : 20, right: legendWidth + 24, bottom: 50, left: 62 },
  });
  const t = area.theme;
  let fcMax = fcCutoff * 1.2;
  let yMax = -Math.log10(pCutoff) * 1.1;
  for (let i = 0; i < n; i++)
    if (kind[i] >= 0) {
      fcMax = Math.max(fcMax, Math.abs(fc[i]));
      yMax = Math.max(yMax, yv[i]);
    }
  const x = scaleLinear()
    .domain([-fcMax * 1.05, fcMax * 1.05])
    .range([area.left, area.right])
    .nice();
  const y = scaleLinear()
    .domain([0, yMax * 1.05])
    .range([area.bottom, area.top])
    .nice();
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const byKind: number[][] = [[], [], []];
  for (let i = 0; i < n; i++)
    if (kind[i] >= 0) {
      px[i] = x(fc[i]);
      py[i] = y(yv[i]);
      byKind[kind[i]].push(i);
    }
  const r = options.pointRadius ?? 1.6;
  // not significant first, so that coloured genes stay on top
  const points = [2, 1, 0].map(
    (k) =>
      circlesPath(px, py, byKind[k], r, {
        fill: colors[k],
        class: `points points-${['up', 'down', 'ns'][k]}`,
        'data-n': byKind[k].length,
      }).element,
  );
  // labels: explicit genes, else the top n significant ones
  let chosen: number[];
  if (options.labels !== undefined) {
    const wanted = new Set(options.labels);
    chosen = [];
    for (let i = 0; i < n; i++) if (kind[i] >= 0 && wanted.has(input.genes[i])) chosen.push(i);
  } else {
    chosen = [...byKind[0], ...byKind[1]]
      .sort((a, b) => sigP[a] - sigP[b] || Math.abs(fc[b]) - Math.abs(fc[a]))
      .slice(0, options.labelTop ?? 10);
  }
  const { placed, dropped } = placeLabels(
    chosen.map((i) => ({ x: px[i], y: py[i], text: input.genes[i] })),
    {
      fontSize: t.fontSize,
      bounds: { left: area.left + 2, right: area.right - 2, top: area.top + 2, bottom: area.bottom - 2 },
      pointRadius: r + 0.5,
    },
  );
  const cutY = sigKind === yKind ? pCutoff : lineP;
  const dashed = { stroke: '#555555', 'stroke-dasharray': '4 3', class: 'cutoff' };
  const root = figure(area, options.title, [
    axisLeft(y, area, { label: options.yLabel ?? (yKind === 'pValue' ? '-log10 p' : '-log10 q') }),
    axisBottom(x, area, { label: options.xLabel ?? 'log2 fold change' }),
    fcCutoff > 0 &&
      [-fcCutoff, fcCutoff].map((v) =>
        svg('line', { x1: x(v), x2: x(v), y1: area.top, y2: area.bottom, ...dashed }),
      ),
    cutY > 0 &&
      svg('line', {
        x1: area.left,
        x2: area.right,
        y1: y(-Math.log10(cutY)),
        y2: y(-Math.log10(cutY)),
        ...dashed,
      }),
    svg('g', { class: 'volcano-points' }, points),
    svg(
      'g',
      { class: 'gene-labels' },
      chosen.map((i) =>
        svg('circle', {
          cx: px[i],
          cy: py[i],
          r: r + 0.5,
          fill: 'none',
          stroke: t.foreground,
          'stroke-width': 0.8,
        }),
      ),
      placed.map((l) => [
        l.leader &&
          svg('line', {
            x1: l.pointX,
            y1: l.pointY,
            x2: leaderEnd(l)[0],
            y2: leaderEnd(l)[1],
            stroke: '#666666',
            'stroke-width': 0.6,
            class: 'leader',
          }),
        text(l.x, l.y, l.text, { anchor: l.anchor, size: t.fontSize, theme: t, className: 'gene-label' }),
      ]),
    ),
    legend(entries, { x: area.right + 16, y: area.top + 4, theme: t }),
  ]);
  root.attributes['data-omitted'] = omitted;
  root.attributes['data-p-capped'] = capped;
  root.attributes['data-labels-dropped'] = dropped.join(',');
  return root;
}
