import { assertInteger, type RandomSource, TaceError } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';
import { topEigenpairs } from './lanczos.js';

/** Options of {@link scaledPca}. */
export interface ScaledPcaOptions {
  /** Number of components (Seurat `RunPCA(npcs)`). @default 50 */
  nPcs?: number;
  /** Scaled values above this are set to it (Seurat `ScaleData(scale.max)`). @default 10 */
  scaleMax?: number;
  /** Seed of the Lanczos starting vector (the result does not depend on it beyond rounding). @default 42 */
  seed?: RandomSource;
}

/** Result of {@link scaledPca} (Seurat's `pca` reduction). */
export interface ScaledPca {
  /** Gene (column) indices used, in the order of the loadings' rows: the given genes with non-zero variance. */
  genes: Int32Array;
  /** Genes left out because they are constant over the cells. */
  constantGenes: Int32Array;
  /** Standard deviation of each component: singular value / sqrt(cells - 1) (Seurat `Stdev`). */
  stdev: Float64Array;
  /** Sum of the variances of the scaled genes (Seurat `Misc(pca, "total.variance")`). */
  totalVariance: number;
  /** stdev^2 / totalVariance per component. */
  varianceExplained: Float64Array;
  /** Loadings, genes x components, column-major (Seurat `Loadings`); sign: largest-magnitude entry positive. */
  loadings: Float64Array;
  /** Cell embeddings, cells x components, **row-major** as `obsm['X_pca']` stores them (Seurat `Embeddings`). */
  embeddings: Float64Array;
  /** Number of components returned. */
  nPcs: number;
  /** Lanczos steps taken (each one product with X and one with X^T). */
  steps: number;
}

/**
 * Seurat's `ScaleData` + `RunPCA` on the selected genes of a log-normalized cells x genes matrix: each gene is
 * centred and divided by its standard deviation (n - 1), values above `scaleMax` are set to `scaleMax`, and the
 * top `nPcs` principal axes of that (uncentred, as `irlba(t(scale.data))`) matrix X are computed exactly as
 * eigenvectors of X^T X by Lanczos with full re-orthogonalisation ({@link topEigenpairs}). X is never formed:
 * a gene's zero entries all share the value -mean/sd, so X = 1 c^T + (a sparse correction on the stored
 * entries) and each product costs O(non-zeros + cells + genes).
 *
 * @param data log-normalized cells x genes, CSR.
 * @param genes column indices to use (e.g. the highly variable genes).
 * @throws {TaceError} `INVALID_ARGUMENT` when fewer than 2 cells or non-constant genes remain, or nPcs is not a
 *   positive integer.
 * @example scaledPca(logData, hvg.selected, { nPcs: 50 }).varianceExplained
 */
export function scaledPca(data: SparseMatrix, genes: Int32Array, options: ScaledPcaOptions = {}): ScaledPca {
  const nPcsWanted = options.nPcs ?? 50;
  assertInteger(nPcsWanted, 'nPcs', 1);
  const scaleMax = options.scaleMax ?? 10;
  if (data.format !== 'csr')
    throw new TaceError('INVALID_ARGUMENT', 'scaledPca needs a CSR (cells x genes) matrix', {
      param: 'data',
    });
  const [nCells, nAll] = data.shape;
  if (nCells < 2)
    throw new TaceError('INVALID_ARGUMENT', `PCA needs at least 2 cells, got ${nCells}`, { param: 'data' });
  const position = new Int32Array(nAll).fill(-1);
  genes.forEach((g, i) => {
    position[g] = i;
  });
  const p0 = genes.length;
  const sum = new Float64Array(p0);
  const count = new Float64Array(p0);
  for (let k = 0; k < data.indices.length; k++) {
    const j = position[data.indices[k]];
    if (j >= 0) {
      sum[j] += data.data[k];
      count[j]++;
    }
  }
  const mean = sum.map((s) => s / nCells);
  const ss = new Float64Array(p0);
  for (let k = 0; k < data.indices.length; k++) {
    const j = position[data.indices[k]];
    if (j >= 0) ss[j] += (data.data[k] - mean[j]) ** 2;
  }
  const sd = new Float64Array(p0);
  for (let j = 0; j < p0; j++) sd[j] = Math.sqrt((ss[j] + (nCells - count[j]) * mean[j] ** 2) / (nCells - 1));
  const kept: number[] = [];
  const constant: number[] = [];
  for (let j = 0; j < p0; j++) (sd[j] > 0 ? kept : constant).push(j);
  const p = kept.length;
  if (p < 2)
    throw new TaceError('INVALID_ARGUMENT', `only ${p} of ${p0} genes vary over the cells`, {
      param: 'genes',
      remedy: 'select more genes',
    });
  const column = new Int32Array(nAll).fill(-1);
  kept.forEach((j, i) => {
    column[genes[j]] = i;
  });
  // X = 1 c^T + D, c = value of a zero entry, D on the stored entries.
  const c = Float64Array.from(kept, (j) => Math.min(scaleMax, -mean[j] / sd[j]));
  const rowPtr = new Float64Array(nCells + 1);
  const dIndex: number[] = [];
  const dValue: number[] = [];
  for (let i = 0; i < nCells; i++) {
    for (let k = data.indptr[i]; k < data.indptr[i + 1]; k++) {
      const g = data.indices[k];
      const col = column[g];
      if (col < 0) continue;
      const j = kept[col];
      const x = Math.min(scaleMax, (data.data[k] - mean[j]) / sd[j]);
      dIndex.push(col);
      dValue.push(x - c[col]);
    }
    rowPtr[i + 1] = dIndex.length;
  }
  const di = Int32Array.from(dIndex);
  const dv = Float64Array.from(dValue);
  // Column means of X, for the total variance.
  const colSum = Float64Array.from(c, (v) => v * nCells);
  const colSq = Float64Array.from(c, (v) => v * v * nCells);
  for (let k = 0; k < di.length; k++) {
    const j = di[k];
    const x = c[j] + dv[k];
    colSum[j] += dv[k];
    colSq[j] += x * x - c[j] * c[j];
  }
  let totalVariance = 0;
  for (let j = 0; j < p; j++) totalVariance += (colSq[j] - colSum[j] ** 2 / nCells) / (nCells - 1);
  const multiplyX = (v: Float64Array, out: Float64Array): void => {
    let cv = 0;
    for (let j = 0; j < p; j++) cv += c[j] * v[j];
    for (let i = 0; i < nCells; i++) {
      let s = cv;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) s += dv[k] * v[di[k]];
      out[i] = s;
    }
  };
  // X^T X v in one sweep over the rows: u_i = (X v)_i, then row i's entries add u_i x D_i to the result.
  const apply = (v: Float64Array, out: Float64Array): void => {
    let cv = 0;
    for (let j = 0; j < p; j++) cv += c[j] * v[j];
    out.fill(0);
    let su = 0;
    for (let i = 0; i < nCells; i++) {
      const from = rowPtr[i];
      const to = rowPtr[i + 1];
      let s = cv;
      for (let k = from; k < to; k++) s += dv[k] * v[di[k]];
      su += s;
      for (let k = from; k < to; k++) out[di[k]] += dv[k] * s;
    }
    for (let j = 0; j < p; j++) out[j] += c[j] * su;
  };
  const nPcs = Math.min(nPcsWanted, p - 1, nCells - 1);
  const eig = topEigenpairs(apply, p, nPcs, { seed: options.seed ?? 42 });
  const stdev = Float64Array.from(eig.values, (l) => Math.sqrt(Math.max(0, l) / (nCells - 1)));
  const embeddings = new Float64Array(nCells * nPcs);
  const out = new Float64Array(nCells);
  for (let k = 0; k < nPcs; k++) {
    multiplyX(eig.vectors.subarray(k * p, (k + 1) * p), out);
    for (let i = 0; i < nCells; i++) embeddings[i * nPcs + k] = out[i];
  }
  return {
    genes: Int32Array.from(kept, (j) => genes[j]),
    constantGenes: Int32Array.from(constant, (j) => genes[j]),
    stdev,
    totalVariance,
    varianceExplained: Float64Array.from(stdev, (s) => (s * s) / totalVariance),
    loadings: eig.vectors,
    embeddings,
    nPcs,
    steps: eig.steps,
  };
}
