import { assertSameLength, TaceError } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';
import type { CellTypeMarkers } from './markers.js';

/** Options of {@link labelClusters}. */
export interface LabelClustersOptions {
  /** A cluster's best marker score must reach this (mean z over clusters) to be labelled. @default 1 */
  minScore?: number;
  /** ... and beat every type outside its lineage by this much, else it is 'unassigned'. @default 0.5 */
  minMargin?: number;
  /**
   * A type is considered for a cluster only when its markers are detected (count > 0) in at least this
   * fraction of the cluster's cells, on average over the markers: z-scores alone would promote markers that
   * are barely expressed anywhere. @default 0.25
   */
  minDetected?: number;
}

/** The label of one cluster. */
export interface ClusterLabel {
  cluster: number;
  /** Cell type, or `'unassigned'`. */
  label: string;
  /** Score of the chosen type (the best type's when unassigned). */
  score: number;
  /** Confidence: score minus the best score outside the chosen type's lineage (0 when unassigned). */
  margin: number;
  /** Why: the winning markers' evidence, or why no label was given. */
  reason: string;
}

/** Result of {@link labelClusters}. */
export interface ClusterLabels {
  labels: ClusterLabel[];
  /** Type names in the order of the `scores` columns (types with at least one marker in the data). */
  types: string[];
  /** Scores, clusters x types, row-major. */
  scores: Float64Array;
  /** Types of the table with no marker among the genes (not scored). */
  typesWithoutMarkers: string[];
  /** Marker genes of the table absent from the data, per type. */
  missingMarkers: Record<string, string[]>;
}

/** Label used when no cell type is clear. */
export const UNASSIGNED = 'unassigned';

/**
 * Labels clusters with cell types from a marker table: for each marker gene present in the data, the mean
 * log-normalized expression of every cluster is z-scored across clusters; a type's score is the mean z of its
 * markers. Only types whose markers are detected in at least `minDetected` of the cluster's cells (mean over
 * the markers) are considered. A cluster gets its best type when that score reaches `minScore` and beats every
 * considered type outside its lineage by `minMargin`; when a type and its refinement (`refines`, e.g. T cell and CD8 T) are the top two, the
 * refinement wins if its own score reaches `minScore`. Otherwise the label is `'unassigned'` with the reason
 * (no marker set detected, no type scores high enough, or two types are too close). Markers absent from the data are skipped and
 * reported.
 *
 * @param data log-normalized cells x genes, CSR.
 * @param genes gene names (columns of data).
 * @param cluster cluster of each cell, 0..nClusters-1.
 * @throws {TaceError} `LENGTH_MISMATCH` when genes or cluster do not match data; `INVALID_ARGUMENT` when no
 *   marker of the table is among the genes.
 * @example labelClusters(logData, geneNames, clusters.cluster, LIVER_IMMUNE_MARKERS).labels[0].label // 'Hepatocyte'
 */
export function labelClusters(
  data: SparseMatrix,
  genes: readonly string[],
  cluster: Int32Array,
  markers: readonly CellTypeMarkers[],
  options: LabelClustersOptions = {},
): ClusterLabels {
  const minScore = options.minScore ?? 1;
  const minMargin = options.minMargin ?? 0.5;
  const minDetected = options.minDetected ?? 0.25;
  const [nCells, nGenes] = data.shape;
  assertSameLength(['genes', { length: nGenes }], ['genes', genes]);
  assertSameLength(['cluster', cluster], ['data rows', { length: nCells }]);
  const geneIndex = new Map<string, number>();
  genes.forEach((g, i) => {
    if (!geneIndex.has(g)) geneIndex.set(g, i);
  });
  const types: CellTypeMarkers[] = [];
  const typesWithoutMarkers: string[] = [];
  const missingMarkers: Record<string, string[]> = {};
  const used = new Map<number, number>();
  for (const t of markers) {
    const missing = t.markers.filter((g) => !geneIndex.has(g));
    if (missing.length > 0) missingMarkers[t.name] = missing;
    if (missing.length === t.markers.length) typesWithoutMarkers.push(t.name);
    else {
      types.push(t);
      for (const g of t.markers)
        if (geneIndex.has(g) && !used.has(geneIndex.get(g) as number))
          used.set(geneIndex.get(g) as number, used.size);
    }
  }
  if (types.length === 0)
    throw new TaceError('INVALID_ARGUMENT', 'no marker gene of the table is among the genes', {
      param: 'genes',
      remedy: 'use HGNC gene symbols as var names (or pass a marker table in the data\u2019s gene names)',
    });
  let nClusters = 0;
  for (const c of cluster) nClusters = Math.max(nClusters, c + 1);
  const size = new Float64Array(nClusters);
  for (const c of cluster) size[c]++;
  const nUsed = used.size;
  const means = new Float64Array(nClusters * nUsed);
  const detected = new Float64Array(nClusters * nUsed);
  for (let i = 0; i < nCells; i++)
    for (let k = data.indptr[i]; k < data.indptr[i + 1]; k++) {
      const u = used.get(data.indices[k]);
      if (u === undefined) continue;
      means[cluster[i] * nUsed + u] += data.data[k];
      if (data.data[k] > 0) detected[cluster[i] * nUsed + u]++;
    }
  for (let c = 0; c < nClusters; c++)
    for (let u = 0; u < nUsed; u++) {
      means[c * nUsed + u] /= Math.max(1, size[c]);
      detected[c * nUsed + u] /= Math.max(1, size[c]);
    }
  // z across clusters, per gene.
  for (let u = 0; u < nUsed; u++) {
    let s = 0;
    for (let c = 0; c < nClusters; c++) s += means[c * nUsed + u];
    const m = s / nClusters;
    let ss = 0;
    for (let c = 0; c < nClusters; c++) ss += (means[c * nUsed + u] - m) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, nClusters - 1));
    for (let c = 0; c < nClusters; c++) means[c * nUsed + u] = sd > 0 ? (means[c * nUsed + u] - m) / sd : 0;
  }
  const scores = new Float64Array(nClusters * types.length);
  const detection = new Float64Array(nClusters * types.length);
  types.forEach((t, j) => {
    const cols = t.markers
      .filter((g) => geneIndex.has(g))
      .map((g) => used.get(geneIndex.get(g) as number) as number);
    for (let c = 0; c < nClusters; c++) {
      let s = 0;
      let f = 0;
      for (const u of cols) {
        s += means[c * nUsed + u];
        f += detected[c * nUsed + u];
      }
      scores[c * types.length + j] = s / cols.length;
      detection[c * types.length + j] = f / cols.length;
    }
  });
  const related = (a: CellTypeMarkers, b: CellTypeMarkers): boolean =>
    a.refines === b.name || b.refines === a.name;
  const labels: ClusterLabel[] = [];
  for (let c = 0; c < nClusters; c++) {
    const all = types.map((t, j) => ({
      t,
      s: scores[c * types.length + j],
      f: detection[c * types.length + j],
    }));
    const order = all.filter((o) => o.f >= minDetected).sort((a, b) => b.s - a.s);
    if (size[c] === 0) {
      labels.push({ cluster: c, label: UNASSIGNED, score: 0, margin: 0, reason: 'empty cluster' });
      continue;
    }
    if (order.length === 0) {
      const best = all.sort((a, b) => b.f - a.f)[0];
      labels.push({
        cluster: c,
        label: UNASSIGNED,
        score: best.s,
        margin: 0,
        reason: `no marker set detected in >= ${minDetected} of the cells (most: ${best.t.name} ${best.f.toFixed(2)})`,
      });
      continue;
    }
    let chosen = order[0];
    if (
      order.length > 1 &&
      related(order[0].t, order[1].t) &&
      order[1].t.refines === order[0].t.name &&
      order[1].s >= minScore
    )
      chosen = order[1];
    const competitor = order.find((o) => o.t !== chosen.t && !related(o.t, chosen.t));
    const margin = competitor === undefined ? chosen.s : chosen.s - competitor.s;
    const fmt = (o: { t: CellTypeMarkers; s: number }) => `${o.t.name} ${o.s.toFixed(2)}`;
    if (chosen.s < minScore) {
      labels.push({
        cluster: c,
        label: UNASSIGNED,
        score: chosen.s,
        margin: 0,
        reason: `no marker set scores >= ${minScore} (best: ${fmt(chosen)})`,
      });
    } else if (margin < minMargin && competitor !== undefined) {
      labels.push({
        cluster: c,
        label: UNASSIGNED,
        score: chosen.s,
        margin: 0,
        reason: `ambiguous: ${fmt(chosen)} vs ${fmt(competitor)} (margin < ${minMargin})`,
      });
    } else {
      const refined = chosen !== order[0] ? `; refines ${order[0].t.name} ${order[0].s.toFixed(2)}` : '';
      labels.push({
        cluster: c,
        label: chosen.t.name,
        score: chosen.s,
        margin,
        reason: `${fmt(chosen)}${refined}; next ${competitor === undefined ? 'none' : fmt(competitor)}`,
      });
    }
  }
  return { labels, types: types.map((t) => t.name), scores, typesWithoutMarkers, missingMarkers };
}
