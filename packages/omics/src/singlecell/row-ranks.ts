import type { SparseMatrix } from '../h5ad/types.js';

/**
 * Per-row workspace to rank genes by decreasing expression within one cell (1 = highest), without sorting
 * whole rows of zeros: the row's stored values are sorted once, set genes are located by binary search.
 */
export class RowRanker {
  private readonly dense: Float64Array;
  private sorted: Float64Array;
  private nnz = 0;
  private zeros = 0;

  constructor(nGenes: number) {
    this.dense = new Float64Array(nGenes);
    this.sorted = new Float64Array(64);
  }

  /** Loads row `i` of `m`; the previous row is cleared in O(its non-zeros). */
  load(m: SparseMatrix, i: number, previous: number): void {
    if (previous >= 0)
      for (let k = m.indptr[previous]; k < m.indptr[previous + 1]; k++) this.dense[m.indices[k]] = 0;
    const start = m.indptr[i];
    const nnz = m.indptr[i + 1] - start;
    if (this.sorted.length < nnz) this.sorted = new Float64Array(nnz * 2);
    for (let k = 0; k < nnz; k++) {
      const v = m.data[start + k];
      this.dense[m.indices[start + k]] = v;
      this.sorted[k] = v;
    }
    this.sorted.subarray(0, nnz).sort();
    this.nnz = nnz;
    this.zeros = this.dense.length - nnz;
  }

  /** Expression of gene `j` in the loaded row. */
  value(j: number): number {
    return this.dense[j];
  }

  /** Position of the first stored value that is > v (`strict`) or >= v, in the ascending sort. */
  private search(v: number, strict: boolean): number {
    let lo = 0;
    let hi = this.nnz;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? this.sorted[mid] <= v : this.sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of genes of the row with expression strictly above `v` (implicit zeros included). */
  greater(v: number): number {
    return this.nnz - this.search(v, true) + (v < 0 ? this.zeros : 0);
  }

  /** Number of genes of the row with expression exactly `v` (implicit zeros included). */
  equal(v: number): number {
    return this.search(v, true) - this.search(v, false) + (v === 0 ? this.zeros : 0);
  }
}
