import { TaceError } from '@tace/core';
import { readH5ad } from '../h5ad/read-h5ad.js';
import type { AnnDataMatrix, Column, DataFrame, DenseArray, UnsValue } from '../h5ad/types.js';
import { writeH5ad } from '../h5ad/write-h5ad.js';
import { detectExpressionScale } from '../singlecell/normalize.js';
import { type AnnotateCellsOptions, annotateCells, type CellAnnotation } from './annotate-cells.js';
import { LIVER_IMMUNE_MARKERS } from './markers.js';

/** Options of {@link annotateH5ad}. */
export interface AnnotateH5adOptions extends AnnotateCellsOptions {
  /**
   * Where the raw counts are: `'X'`, a layer name, or `'raw'` (`raw.X`, same genes). @default X when it holds
   * counts, else `layers['counts']`, else `raw.X`
   */
  counts?: string;
}

/** Result of {@link annotateH5ad}. */
export interface AnnotateH5adResult {
  annotation: CellAnnotation;
  /** Gene names used. */
  genes: string[];
  /** Cell names. */
  cells: string[];
  /** Where the counts were read (`'X'`, `"layers['counts']"`, `'raw.X'`). */
  countsFrom: string;
  /** What of the input could not be copied to the output (e.g. nullable obs columns, raw), with the reason. */
  notCopied: string[];
}

function pickCounts(
  X: AnnDataMatrix | null,
  layers: Record<string, AnnDataMatrix>,
  raw: { X: AnnDataMatrix; var: DataFrame } | null,
  nGenes: number,
  wanted: string | undefined,
  file: string,
): { matrix: AnnDataMatrix; from: string } {
  const candidates: [string, AnnDataMatrix | null | undefined][] =
    wanted === undefined
      ? [
          ['X', X],
          ["layers['counts']", layers.counts],
          ['raw.X', raw?.X],
        ]
      : [
          [
            wanted === 'X' ? 'X' : wanted === 'raw' ? 'raw.X' : `layers['${wanted}']`,
            wanted === 'X' ? X : wanted === 'raw' ? raw?.X : layers[wanted],
          ],
        ];
  for (const [from, m] of candidates) {
    if (m === null || m === undefined) continue;
    if (m.shape[1] !== nGenes) continue;
    if (wanted !== undefined || detectExpressionScale(m) === 'counts') return { matrix: m, from };
  }
  throw new TaceError(
    'INVALID_ARGUMENT',
    `no raw counts found in ${file} (looked at ${candidates.map((c) => c[0]).join(', ')})`,
    {
      param: file,
      remedy:
        'pass counts: the layer that holds the raw counts (annotation models counts, as Seurat vst does)',
    },
  );
}

function categorical(values: readonly string[], order?: readonly string[]): Column {
  const categories = order === undefined ? [...new Set(values)].sort() : [...order];
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    kind: 'categorical',
    codes: Int32Array.from(values, (v) => index.get(v) as number),
    categories,
    ordered: false,
  };
}

function dense(data: Float64Array, rows: number, cols: number): DenseArray {
  return { format: 'dense', shape: [rows, cols], data };
}

/**
 * Reads an `.h5ad`, annotates its cells ({@link annotateCells}) and writes a copy with the results, readable by
 * python anndata / scanpy (and by Seurat through SeuratDisk or zellkonverter): `obs['cluster']`,
 * `obs['cell_type']` (categoricals), `obs['cell_type_score']`; `var['highly_variable']` (0/1) and the vst
 * statistics; `obsm['X_pca']`, `obsm['X_umap']`; `varm['PCs']` (loadings, zero outside the HVGs, as scanpy);
 * `obsp['snn']`; `uns['pca']` (`variance`, `variance_ratio`) and `uns['tace_annotate']` (parameters, cluster
 * labels with scores and reasons, marker provenance). X, layers and the other obs/var columns, obsm and uns
 * entries, dense varm entries and obsp are copied (ours replace entries of the same name); what cannot be
 * (raw, varp, nullable columns, sparse or dataframe obsm/varm entries) is listed in `notCopied`.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when no raw counts are found; the errors of readH5ad / writeH5ad.
 * @example await annotateH5ad('cells.h5ad', 'cells.annotated.h5ad', { resolution: 0.8 })
 */
export async function annotateH5ad(
  input: string,
  output: string,
  options: AnnotateH5adOptions = {},
): Promise<AnnotateH5adResult> {
  const adata = await readH5ad(input, {
    layers: true,
    raw: true,
    obsm: true,
    varm: true,
    obsp: true,
    uns: true,
  });
  const genes = adata.var.index;
  const { matrix, from } = pickCounts(adata.X, adata.layers, adata.raw, genes.length, options.counts, input);
  const annotation = annotateCells(matrix, genes, options);
  const n = adata.shape[0];
  const notCopied: string[] = [];
  if (adata.raw !== null) notCopied.push('raw (writeH5ad does not write raw; X and layers are kept)');
  for (const key of Object.keys(adata.varp)) notCopied.push(`varp['${key}'] (writeH5ad does not write varp)`);
  for (const key of Object.keys(adata.axisElements))
    notCopied.push(`${key} (a sparse or dataframe entry; only dense obsm/varm entries are copied)`);
  const obs: DataFrame = { index: adata.obs.index, columnOrder: [], columns: {} };
  for (const name of adata.obs.columnOrder) {
    const c = adata.obs.columns[name];
    if (c.kind === 'nullable-integer' || c.kind === 'nullable-boolean')
      notCopied.push(`obs['${name}'] (nullable)`);
    else if (!['cluster', 'cell_type', 'cell_type_score'].includes(name)) {
      obs.columnOrder.push(name);
      obs.columns[name] = c;
    } else notCopied.push(`obs['${name}'] (replaced by the annotation)`);
  }
  const nClusters = annotation.nClusters;
  const clusterNames = Array.from({ length: nClusters }, (_, c) => String(c));
  obs.columnOrder.push('cluster', 'cell_type', 'cell_type_score');
  obs.columns.cluster = categorical(Array.from(annotation.cluster, String), clusterNames);
  obs.columns.cell_type = categorical(annotation.cellType);
  obs.columns.cell_type_score = {
    kind: 'numeric',
    dtype: 'float64',
    values: Float64Array.from(annotation.cluster, (c) => annotation.labels.labels[c].score),
  };
  const hv = new Uint8Array(genes.length);
  for (const g of annotation.variableGenes.selected) hv[g] = 1;
  const varFrame: DataFrame = { index: genes, columnOrder: [], columns: {} };
  const added = [
    'highly_variable',
    'vst_mean',
    'vst_variance',
    'vst_variance_expected',
    'vst_variance_standardized',
  ];
  for (const name of adata.var.columnOrder) {
    const c = adata.var.columns[name];
    if (c.kind === 'nullable-integer' || c.kind === 'nullable-boolean')
      notCopied.push(`var['${name}'] (nullable)`);
    else if (!added.includes(name)) {
      varFrame.columnOrder.push(name);
      varFrame.columns[name] = c;
    }
  }
  const vg = annotation.variableGenes;
  varFrame.columnOrder.push(...added);
  varFrame.columns.highly_variable = { kind: 'boolean', values: hv };
  varFrame.columns.vst_mean = { kind: 'numeric', dtype: 'float64', values: vg.mean };
  varFrame.columns.vst_variance = { kind: 'numeric', dtype: 'float64', values: vg.variance };
  varFrame.columns.vst_variance_expected = { kind: 'numeric', dtype: 'float64', values: vg.varianceExpected };
  varFrame.columns.vst_variance_standardized = {
    kind: 'numeric',
    dtype: 'float64',
    values: vg.varianceStandardized,
  };
  const { pca } = annotation;
  const pcs = new Float64Array(genes.length * pca.nPcs);
  pca.genes.forEach((g, row) => {
    for (let k = 0; k < pca.nPcs; k++) pcs[g * pca.nPcs + k] = pca.loadings[row + k * pca.genes.length];
  });
  const obsm: Record<string, DenseArray> = { ...adata.obsm, X_pca: dense(pca.embeddings, n, pca.nPcs) };
  if (annotation.umap !== null) obsm.X_umap = dense(annotation.umap, n, 2);
  const labels = annotation.labels.labels;
  const sources = [...new Set((options.markers ?? LIVER_IMMUNE_MARKERS).flatMap((t) => t.sources))];
  const uns: Record<string, UnsValue> = {
    ...adata.uns,
    pca: {
      variance: Array.from(pca.stdev, (s) => s * s),
      variance_ratio: Array.from(pca.varianceExplained),
    },
    tace_annotate: {
      method:
        'Seurat workflow reproduced by @tace/omics annotateCells: NormalizeData, FindVariableFeatures(vst), ScaleData, RunPCA (exact), FindNeighbors (exact kNN, SNN), FindClusters (Louvain), umap-js layout, marker scores per cluster',
      counts_from: from,
      parameters: annotation.parameters,
      modularity: annotation.modularity,
      clusters: {
        label: labels.map((l) => l.label),
        score: labels.map((l) => l.score),
        margin: labels.map((l) => l.margin),
        reason: labels.map((l) => l.reason),
      },
      marker_sources: sources,
      markers_missing: {
        type: Object.keys(annotation.labels.missingMarkers),
        genes: Object.values(annotation.labels.missingMarkers).map((g) => g.join(',')),
      },
    },
  };
  await writeH5ad(output, {
    obs,
    var: varFrame,
    ...(adata.X === null ? {} : { X: adata.X }),
    layers: adata.layers,
    obsm,
    varm: { ...adata.varm, PCs: dense(pcs, genes.length, pca.nPcs) },
    obsp: { ...adata.obsp, snn: annotation.snn },
    uns,
  });
  return { annotation, genes, cells: adata.obs.index, countsFrom: from, notCopied };
}
