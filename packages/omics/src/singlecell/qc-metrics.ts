import { TaceError } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';
import { toCsr } from './matrix.js';

/** Options of {@link qcMetrics}. */
export interface QcMetricsOptions {
  /** Prefix marking mitochondrial genes (scanpy tutorials: `var_names.str.startswith("MT-")`; mouse `mt-`). @default 'MT-' */
  mitoPrefix?: string;
}

/** Per-cell QC metrics, named as scanpy's `pp.calculate_qc_metrics(qc_vars=["mt"])` columns. */
export interface QcMetrics {
  /** Genes with a positive count (`n_genes_by_counts`). */
  nGenesByCounts: Int32Array;
  /** Sum of counts (`total_counts`). */
  totalCounts: Float64Array;
  /** Sum of counts of mitochondrial genes (`total_counts_mt`). */
  totalCountsMt: Float64Array;
  /** 100 x totalCountsMt / totalCounts (`pct_counts_mt`); NaN for an empty cell, as scanpy. */
  pctCountsMt: Float64Array;
}

/**
 * Per-cell QC metrics on counts, as scanpy `pp.calculate_qc_metrics` with `qc_vars=["mt"]`.
 * @throws {TaceError} `LENGTH_MISMATCH` when `varNames` does not match the columns.
 * @example qcMetrics(adata.X!, adata.var.index).pctCountsMt
 */
export function qcMetrics(
  X: AnnDataMatrix,
  varNames: readonly string[],
  options: QcMetricsOptions = {},
): QcMetrics {
  const [nCells, nGenes] = X.shape;
  if (varNames.length !== nGenes)
    throw new TaceError('LENGTH_MISMATCH', `${varNames.length} var names for ${nGenes} genes`, {
      param: 'varNames',
    });
  const prefix = options.mitoPrefix ?? 'MT-';
  const mito = Uint8Array.from(varNames, (g) => (g.startsWith(prefix) ? 1 : 0));
  const csr = toCsr(X);
  const nGenesByCounts = new Int32Array(nCells);
  const totalCounts = new Float64Array(nCells);
  const totalCountsMt = new Float64Array(nCells);
  const pctCountsMt = new Float64Array(nCells);
  for (let i = 0; i < nCells; i++) {
    for (let k = csr.indptr[i]; k < csr.indptr[i + 1]; k++) {
      const v = csr.data[k];
      if (v > 0) nGenesByCounts[i]++;
      totalCounts[i] += v;
      if (mito[csr.indices[k]] === 1) totalCountsMt[i] += v;
    }
    pctCountsMt[i] = (100 * totalCountsMt[i]) / totalCounts[i];
  }
  return { nGenesByCounts, totalCounts, totalCountsMt, pctCountsMt };
}
