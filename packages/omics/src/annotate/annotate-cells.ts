import { TaceError } from '@tace/core';
import type { AnnDataMatrix, SparseMatrix } from '../h5ad/types.js';
import { toCsr } from '../singlecell/matrix.js';
import { detectExpressionScale, normalizeTotal } from '../singlecell/normalize.js';
import { type ClusterLabels, type LabelClustersOptions, labelClusters } from './label-clusters.js';
import { louvainClusters } from './louvain.js';
import { type CellTypeMarkers, LIVER_IMMUNE_MARKERS } from './markers.js';
import { nearestNeighbors, sharedNeighborGraph } from './neighbors.js';
import { type ScaledPca, scaledPca } from './pca.js';
import { type UmapOptions, umapEmbedding } from './umap.js';
import { findVariableGenes, type VariableGenes } from './variable-genes.js';

/** Options of {@link annotateCells}; each names the Seurat argument it mirrors. */
export interface AnnotateCellsOptions extends LabelClustersOptions {
  /** Highly variable genes kept (`FindVariableFeatures(nfeatures)`). @default 2000 */
  nFeatures?: number;
  /** Loess span of the vst fit (`loess.span`). @default 0.3 */
  loessSpan?: number;
  /** Library size each cell is scaled to before log1p (`NormalizeData(scale.factor)`). @default 10000 */
  scaleFactor?: number;
  /** Scaled values are capped here (`ScaleData(scale.max)`). @default 10 */
  scaleMax?: number;
  /** Principal components computed (`RunPCA(npcs)`). @default 50 */
  nPcs?: number;
  /** Components used for the neighbour graph (`FindNeighbors(dims = 1:dims)`). @default 10 */
  dims?: number;
  /** Neighbours per cell, itself included (`FindNeighbors(k.param)`). @default 20 */
  kParam?: number;
  /** SNN weights below this are dropped (`FindNeighbors(prune.SNN)`). @default 1/15 */
  pruneSnn?: number;
  /** Louvain resolution (`FindClusters(resolution)`). @default 0.8 */
  resolution?: number;
  /** Louvain random starts (`n.start`). @default 10 */
  nStart?: number;
  /** Louvain passes per start (`n.iter`). @default 10 */
  nIter?: number;
  /** Louvain seed (`random.seed`). @default 0 */
  randomSeed?: number;
  /** Cell-type marker table. @default {@link LIVER_IMMUNE_MARKERS} */
  markers?: readonly CellTypeMarkers[];
  /** UMAP layout options, or `false` to skip the layout. @default {} (30 neighbours, min.dist 0.3, seed 42) */
  umap?: UmapOptions | false;
}

/** Result of {@link annotateCells}. */
export interface CellAnnotation {
  /** Variable-gene statistics and selection. */
  variableGenes: VariableGenes;
  pca: ScaledPca;
  /** Louvain cluster of each cell (0 = largest). */
  cluster: Int32Array;
  nClusters: number;
  /** Modularity of the chosen partition. */
  modularity: number;
  /** The SNN graph (cells x cells CSR). */
  snn: SparseMatrix;
  /** Cluster labels with scores and reasons. */
  labels: ClusterLabels;
  /** Cell type of each cell (its cluster's label). */
  cellType: string[];
  /** UMAP layout, row-major cells x 2; null when skipped. */
  umap: Float64Array | null;
  /** Every parameter used, defaults filled in (for `uns`). */
  parameters: Record<string, number | string | boolean>;
}

/**
 * Annotates cells that come without labels, as the Seurat workflow does: `NormalizeData` (log1p of counts per
 * `scaleFactor`), vst highly variable genes, `ScaleData` + exact PCA, exact kNN + SNN graph on the first `dims`
 * PCs, Louvain clusters, a UMAP layout for display, and a cell type per cluster from a marker table
 * ({@link labelClusters}). Each step is a kernel validated against R Seurat 4.3.0 (see the package README).
 *
 * @param counts raw counts, cells x genes (dense, CSR or CSC).
 * @param genes gene symbols (columns).
 * @throws {TaceError} `INVALID_ARGUMENT` when the matrix does not hold raw counts (vst models counts) or has
 *   fewer cells than `kParam`; `LENGTH_MISMATCH` when genes do not match the columns.
 * @example const a = annotateCells(adata.X, adata.var.index); a.cellType[0] // 'Hepatocyte'
 */
export function annotateCells(
  counts: AnnDataMatrix,
  genes: readonly string[],
  options: AnnotateCellsOptions = {},
): CellAnnotation {
  const scale = detectExpressionScale(counts);
  if (scale !== 'counts')
    throw new TaceError('INVALID_ARGUMENT', `the matrix looks ${scale}, not raw counts`, {
      param: 'counts',
      remedy: "pass raw counts (an .h5ad often keeps them in layers['counts'] or raw.X)",
    });
  if (genes.length !== counts.shape[1])
    throw new TaceError('LENGTH_MISMATCH', `${genes.length} gene names for ${counts.shape[1]} columns`, {
      param: 'genes',
    });
  const p = {
    nFeatures: options.nFeatures ?? 2000,
    loessSpan: options.loessSpan ?? 0.3,
    scaleFactor: options.scaleFactor ?? 1e4,
    scaleMax: options.scaleMax ?? 10,
    nPcs: options.nPcs ?? 50,
    dims: options.dims ?? 10,
    kParam: options.kParam ?? 20,
    pruneSnn: options.pruneSnn ?? 1 / 15,
    resolution: options.resolution ?? 0.8,
    nStart: options.nStart ?? 10,
    nIter: options.nIter ?? 10,
    randomSeed: options.randomSeed ?? 0,
    minScore: options.minScore ?? 1,
    minMargin: options.minMargin ?? 0.5,
    minDetected: options.minDetected ?? 0.25,
  };
  const n = counts.shape[0];
  if (n <= p.kParam)
    throw new TaceError('INVALID_ARGUMENT', `${n} cells: need more than kParam = ${p.kParam}`, {
      param: 'kParam',
      remedy: 'lower kParam',
    });
  const csr = toCsr(counts);
  const logData = normalizeTotal(csr, { log1p: true, targetSum: p.scaleFactor }) as SparseMatrix;
  const variableGenes = findVariableGenes(csr, { nFeatures: p.nFeatures, loessSpan: p.loessSpan });
  const pca = scaledPca(logData, variableGenes.selected, { nPcs: p.nPcs, scaleMax: p.scaleMax });
  const dims = Math.min(p.dims, pca.nPcs);
  const embedding = new Float64Array(n * dims);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < dims; k++) embedding[i * dims + k] = pca.embeddings[i * pca.nPcs + k];
  const umapOptions = options.umap === false ? null : (options.umap ?? {});
  const kUmap = umapOptions === null ? 0 : Math.min(n, umapOptions.nNeighbors ?? 30);
  const kAll = Math.max(p.kParam, kUmap);
  const nnAll = nearestNeighbors(embedding, n, dims, kAll);
  const nn = kAll === p.kParam ? nnAll : new Int32Array(n * p.kParam);
  if (kAll !== p.kParam)
    for (let i = 0; i < n; i++) for (let t = 0; t < p.kParam; t++) nn[i * p.kParam + t] = nnAll[i * kAll + t];
  const snn = sharedNeighborGraph(nn, n, p.kParam, p.pruneSnn);
  const clusters = louvainClusters(snn, {
    resolution: p.resolution,
    nStart: p.nStart,
    nIter: p.nIter,
    randomSeed: p.randomSeed,
  });
  const markers = options.markers ?? LIVER_IMMUNE_MARKERS;
  const labels = labelClusters(logData, genes, clusters.cluster, markers, {
    minScore: p.minScore,
    minMargin: p.minMargin,
    minDetected: p.minDetected,
  });
  const cellType = Array.from(clusters.cluster, (c) => labels.labels[c].label);
  const umap = umapOptions === null ? null : umapEmbedding(embedding, n, dims, nnAll, umapOptions);
  return {
    variableGenes,
    pca,
    cluster: clusters.cluster,
    nClusters: clusters.nClusters,
    modularity: clusters.modularity,
    snn,
    labels,
    cellType,
    umap,
    parameters: {
      ...p,
      dims,
      umap: umapOptions !== null,
      umapNeighbors: kUmap,
      umapMinDist: umapOptions?.minDist ?? 0.3,
      umapSeed: typeof umapOptions?.seed === 'number' ? umapOptions.seed : 42,
      markerTable: options.markers === undefined ? 'LIVER_IMMUNE_MARKERS' : 'custom',
    },
  };
}
