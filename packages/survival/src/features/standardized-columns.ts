import { rank } from '@tace/core';
import type { DesignMatrix } from '../penalized/design-matrix.js';

/** Correlation used by the redundancy filters. */
export type CorrelationMethod = 'pearson' | 'spearman';

/**
 * Columns centred and scaled to unit Euclidean norm (after ranking them, average ties, for Spearman), so
 * that the correlation of features `a` and `b` is the dot product of their columns. Constant columns come
 * back as zeros (correlation 0 with everything).
 */
export function unitColumns(matrix: DesignMatrix, method: CorrelationMethod): Float64Array {
  const { data, rows: n, columns: p } = matrix;
  const out = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = data.subarray(j * n, (j + 1) * n);
    const values = method === 'spearman' ? rank(column) : column;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += values[i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
    const norm = Math.sqrt(ss);
    if (norm === 0) continue;
    for (let i = 0; i < n; i++) out[j * n + i] = (values[i] - mean) / norm;
  }
  return out;
}

/** Correlation of columns `a` and `b` of a {@link unitColumns} matrix. */
export function columnCorrelation(unit: Float64Array, n: number, a: number, b: number): number {
  let s = 0;
  const oa = a * n;
  const ob = b * n;
  for (let i = 0; i < n; i++) s += unit[oa + i] * unit[ob + i];
  return s;
}
