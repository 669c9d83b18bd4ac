import { assertInRange, assertInteger } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';
import { loessFit } from './loess.js';

/** Options of {@link findVariableGenes}. */
export interface VariableGenesOptions {
  /** How many genes to select (Seurat `nfeatures`). @default 2000 */
  nFeatures?: number;
  /** Span of the loess of log10 variance on log10 mean (Seurat `loess.span`). @default 0.3 */
  loessSpan?: number;
  /** Clip of the standardized values (Seurat `clip.max`); `'auto'` = sqrt(number of cells). @default 'auto' */
  clipMax?: number | 'auto';
}

/** Per-gene statistics of {@link findVariableGenes} (Seurat's `HVFInfo(selection.method = "vst")`). */
export interface VariableGenes {
  /** Mean count per gene (`vst.mean`). */
  mean: Float64Array;
  /** Variance (n - 1 denominator) of the counts (`vst.variance`). */
  variance: Float64Array;
  /** 10^loess fit of log10 variance on log10 mean; 0 for constant genes (`vst.variance.expected`). */
  varianceExpected: Float64Array;
  /** Variance of the standardized, clipped counts (`vst.variance.standardized`). */
  varianceStandardized: Float64Array;
  /** Selected gene (column) indices, most variable first (`VariableFeatures`). */
  selected: Int32Array;
}

/**
 * Highly variable genes by Seurat v3's variance-stabilising transformation (`FindVariableFeatures(selection.method =
 * "vst")`, Stuart et al. 2019): on raw counts, the per-gene variance expected from the mean is the loess fit
 * (span 0.3, degree 2, R's interpolating k-d tree: {@link loessFit}) of log10 variance on log10 mean over the
 * non-constant genes; each count is standardized as (x - mean) / sqrt(expected), clipped above at sqrt(cells),
 * and genes are ranked by the variance of those values (ties in gene order, as R `order`).
 *
 * @param counts cells x genes counts, CSR (rows = cells).
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-integer or out-of-range `nFeatures` or span.
 * @example findVariableGenes(csrCounts, { nFeatures: 2000 }).selected // gene indices, most variable first
 */
export function findVariableGenes(counts: SparseMatrix, options: VariableGenesOptions = {}): VariableGenes {
  const [nCells, nGenes] = counts.shape;
  const nFeatures = options.nFeatures ?? 2000;
  assertInteger(nFeatures, 'nFeatures', 1);
  const span = options.loessSpan ?? 0.3;
  assertInRange(span, 'loessSpan', 0, 1, { lower: true });
  const clip =
    options.clipMax === undefined || options.clipMax === 'auto' ? Math.sqrt(nCells) : options.clipMax;
  const { mean, variance } = countMoments(counts);
  const varying: number[] = [];
  for (let g = 0; g < nGenes; g++) if (variance[g] > 0) varying.push(g);
  const fit = loessFit(
    Float64Array.from(varying, (g) => Math.log10(mean[g])),
    Float64Array.from(varying, (g) => Math.log10(variance[g])),
    { span, degree: 2 },
  );
  const varianceExpected = new Float64Array(nGenes);
  varying.forEach((g, i) => {
    varianceExpected[g] = 10 ** fit[i];
  });
  const varianceStandardized = standardizedVariance(counts, mean, varianceExpected, clip);
  const order = Array.from({ length: nGenes }, (_, g) => g).sort(
    (a, b) => varianceStandardized[b] - varianceStandardized[a] || a - b,
  );
  return {
    mean,
    variance,
    varianceExpected,
    varianceStandardized,
    selected: Int32Array.from(order.slice(0, Math.min(nFeatures, nGenes))),
  };
}

/** Per-gene mean and (n - 1) variance of a cells x genes sparse matrix (zeros included). */
function countMoments(counts: SparseMatrix): { mean: Float64Array; variance: Float64Array } {
  const [nCells, nGenes] = counts.shape;
  const sum = new Float64Array(nGenes);
  forEachEntry(counts, (_, g, v) => {
    sum[g] += v;
  });
  const mean = sum.map((s) => s / nCells);
  const squares = new Float64Array(nGenes);
  const nonzero = new Float64Array(nGenes);
  forEachEntry(counts, (_, g, v) => {
    squares[g] += (v - mean[g]) ** 2;
    nonzero[g]++;
  });
  const variance = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++)
    variance[g] = (squares[g] + (nCells - nonzero[g]) * mean[g] ** 2) / Math.max(1, nCells - 1);
  return { mean, variance };
}

function standardizedVariance(
  counts: SparseMatrix,
  mean: Float64Array,
  expected: Float64Array,
  clip: number,
): Float64Array {
  const [nCells, nGenes] = counts.shape;
  const sd = expected.map(Math.sqrt);
  const sums = new Float64Array(nGenes);
  const nonzero = new Float64Array(nGenes);
  forEachEntry(counts, (_, g, v) => {
    if (sd[g] === 0) return;
    sums[g] += Math.min(clip, (v - mean[g]) / sd[g]) ** 2;
    nonzero[g]++;
  });
  const out = new Float64Array(nGenes);
  for (let g = 0; g < nGenes; g++)
    if (sd[g] !== 0) out[g] = (sums[g] + (nCells - nonzero[g]) * (mean[g] / sd[g]) ** 2) / (nCells - 1);
  return out;
}

/** Calls f(cell, gene, value) for every stored entry of a cells x genes CSR or CSC matrix. */
export function forEachEntry(m: SparseMatrix, f: (cell: number, gene: number, value: number) => void): void {
  const outer = m.format === 'csr' ? m.shape[0] : m.shape[1];
  for (let o = 0; o < outer; o++)
    for (let k = m.indptr[o]; k < m.indptr[o + 1]; k++) {
      if (m.format === 'csr') f(o, m.indices[k], m.data[k]);
      else f(m.indices[k], o, m.data[k]);
    }
}
