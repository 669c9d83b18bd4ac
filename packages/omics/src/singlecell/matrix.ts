import { TaceError } from '@tace/core';
import type { AnnDataMatrix, SparseMatrix } from '../h5ad/types.js';

/**
 * Converts any matrix to CSR (rows = cells), the layout every per-cell kernel here walks. A CSR input is
 * returned as is; dense zeros are dropped; CSC is transposed in two passes (O(nnz)).
 * @example toCsr({ format: 'dense', shape: [1, 2], data: Float64Array.of(0, 3) }).indices // Int32Array [1]
 */
export function toCsr(m: AnnDataMatrix): SparseMatrix {
  if (m.format === 'csr') return m;
  const [nRows, nCols] = m.shape;
  const Data = m.data instanceof Float32Array ? Float32Array : Float64Array;
  if (m.format === 'dense') {
    let nnz = 0;
    for (let k = 0; k < m.data.length; k++) if (m.data[k] !== 0) nnz++;
    const indptr = new Float64Array(nRows + 1);
    const indices = new Int32Array(nnz);
    const data = new Data(nnz);
    let w = 0;
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) {
        const v = m.data[i * nCols + j];
        if (v !== 0) {
          indices[w] = j;
          data[w++] = v;
        }
      }
      indptr[i + 1] = w;
    }
    return { format: 'csr', shape: [nRows, nCols], indptr, indices, data };
  }
  const nnz = m.indices.length;
  const indptr = new Float64Array(nRows + 1);
  for (let k = 0; k < nnz; k++) indptr[m.indices[k] + 1]++;
  for (let i = 0; i < nRows; i++) indptr[i + 1] += indptr[i];
  const next = indptr.slice(0, nRows);
  const indices = new Int32Array(nnz);
  const data = new Data(nnz);
  for (let j = 0; j < nCols; j++) {
    for (let k = m.indptr[j]; k < m.indptr[j + 1]; k++) {
      const w = next[m.indices[k]]++;
      indices[w] = j;
      data[w] = m.data[k];
    }
  }
  return { format: 'csr', shape: [nRows, nCols], indptr, indices, data };
}

/**
 * Per-gene (column) mean over cells, ignoring NaN, with numpy's arithmetic so that ties and bin edges match
 * scanpy: a dense float32 matrix is summed row by row in float32 and divided into float32 (`np.nanmean`
 * without dtype); sparse and float64 matrices are summed in float64 in stored order (scanpy's
 * `_sparse_nanmean`). A column that is all NaN gets NaN.
 */
export function columnMeans(m: AnnDataMatrix): Float64Array {
  const [nRows, nCols] = m.shape;
  const sums = new Float64Array(nCols);
  const counts = new Float64Array(nCols).fill(nRows);
  if (m.format === 'dense') {
    const f32 = m.data instanceof Float32Array;
    for (let i = 0; i < nRows; i++) {
      const base = i * nCols;
      for (let j = 0; j < nCols; j++) {
        const v = m.data[base + j];
        if (Number.isNaN(v)) counts[j]--;
        else sums[j] = f32 ? Math.fround(sums[j] + v) : sums[j] + v;
      }
    }
    for (let j = 0; j < nCols; j++)
      sums[j] = counts[j] === 0 ? NaN : f32 ? Math.fround(sums[j] / counts[j]) : sums[j] / counts[j];
    return sums;
  }
  if (m.format === 'csr') {
    for (let k = 0; k < m.indices.length; k++) {
      const v = m.data[k];
      if (Number.isNaN(v)) counts[m.indices[k]]--;
      else sums[m.indices[k]] += v;
    }
  } else {
    for (let j = 0; j < nCols; j++)
      for (let k = m.indptr[j]; k < m.indptr[j + 1]; k++) {
        const v = m.data[k];
        if (Number.isNaN(v)) counts[j]--;
        else sums[j] += v;
      }
  }
  for (let j = 0; j < nCols; j++) sums[j] = counts[j] === 0 ? NaN : sums[j] / counts[j];
  return sums;
}

/**
 * Per-cell mean over a set of genes (columns), ignoring NaN, accumulated in float64 (scanpy's
 * `_nan_means(..., axis=1, dtype="float64")`). `out` (length nRows) may be passed to avoid allocation.
 * @param columns - column indices of the set (distinct).
 */
export function rowMeansOver(m: AnnDataMatrix, columns: Int32Array, out?: Float64Array): Float64Array {
  const [nRows, nCols] = m.shape;
  const result = out ?? new Float64Array(nRows);
  if (result.length !== nRows)
    throw new TaceError('LENGTH_MISMATCH', `out has length ${result.length}, expected ${nRows}`, {
      param: 'out',
    });
  if (m.format === 'dense') {
    for (let i = 0; i < nRows; i++) {
      let sum = 0;
      let count = columns.length;
      for (let c = 0; c < columns.length; c++) {
        const v = m.data[i * nCols + columns[c]];
        if (Number.isNaN(v)) count--;
        else sum += v;
      }
      result[i] = count === 0 ? NaN : sum / count;
    }
    return result;
  }
  const csr = toCsr(m);
  const member = new Uint8Array(nCols);
  for (let c = 0; c < columns.length; c++) member[columns[c]] = 1;
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    let count = columns.length;
    for (let k = csr.indptr[i]; k < csr.indptr[i + 1]; k++) {
      if (member[csr.indices[k]] === 0) continue;
      const v = csr.data[k];
      if (Number.isNaN(v)) count--;
      else sum += v;
    }
    result[i] = count === 0 ? NaN : sum / count;
  }
  return result;
}
