import { assertInRange, assertInteger, TaceError } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';

/**
 * Exact k nearest neighbours (Euclidean) of every row of a row-major `n x d` embedding, the row itself included
 * (first, at distance 0), as RANN's `nn2(searchtype = "standard", eps = 0)` that Seurat's `FindNeighbors(nn.method =
 * "rann")` calls. Brute force O(n^2 d) with a bounded max-heap per row; ties by lower index.
 * @returns row-major `n x k` neighbour indices, nearest first.
 * @example nearestNeighbors(Float64Array.of(0, 1, 5), 3, 1, 2) // Int32Array [0, 1, 1, 0, 2, 1]
 */
export function nearestNeighbors(embedding: Float64Array, n: number, d: number, k: number): Int32Array {
  assertInteger(k, 'k', 1);
  if (k > n) throw new TaceError('INVALID_ARGUMENT', `k = ${k} exceeds the ${n} cells`, { param: 'k' });
  const out = new Int32Array(n * k);
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    const bi = i * d;
    for (let j = 0; j < n; j++) {
      const bj = j * d;
      let dist = 0;
      for (let t = 0; t < d; t++) {
        const diff = embedding[bi + t] - embedding[bj + t];
        dist += diff * diff;
      }
      if (j === i) dist = -1; // self first, even among duplicates
      if (size < k) {
        // sift up
        let pos = size++;
        while (pos > 0) {
          const parent = (pos - 1) >> 1;
          if (!worse(dist, j, heapD[parent], heapI[parent])) break;
          heapD[pos] = heapD[parent];
          heapI[pos] = heapI[parent];
          pos = parent;
        }
        heapD[pos] = dist;
        heapI[pos] = j;
      } else if (worse(heapD[0], heapI[0], dist, j)) {
        // replace the root (the worst kept) and sift down
        let pos = 0;
        for (;;) {
          const left = 2 * pos + 1;
          if (left >= k) break;
          const right = left + 1;
          const child =
            right < k && worse(heapD[right], heapI[right], heapD[left], heapI[left]) ? right : left;
          if (!worse(heapD[child], heapI[child], dist, j)) break;
          heapD[pos] = heapD[child];
          heapI[pos] = heapI[child];
          pos = child;
        }
        heapD[pos] = dist;
        heapI[pos] = j;
      }
    }
    const order = Array.from({ length: k }, (_, t) => t).sort(
      (a, b) => heapD[a] - heapD[b] || heapI[a] - heapI[b],
    );
    for (let t = 0; t < k; t++) out[i * k + t] = heapI[order[t]];
  }
  return out;
}

/** Whether (d1, i1) is farther than (d2, i2): larger distance, or equal distance and larger index. */
function worse(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 > d2 || (d1 === d2 && i1 > i2);
}

/**
 * Shared-nearest-neighbour graph as Seurat's `ComputeSNN` (`FindNeighbors(prune.SNN)`): with N the n x n 0/1
 * matrix of each cell's k neighbours (itself included), S = N N^T counts shared neighbours, the weight is the
 * Jaccard index s / (2k - s), and weights below `prune` are removed. Symmetric, diagonal 1.
 * @param neighbors row-major `n x k` from {@link nearestNeighbors}.
 * @returns the graph as CSR (columns ascending within a row).
 * @example sharedNeighborGraph(nearestNeighbors(emb, n, 10, 20), n, 20, 1 / 15)
 */
export function sharedNeighborGraph(
  neighbors: Int32Array,
  n: number,
  k: number,
  prune = 1 / 15,
): SparseMatrix {
  assertInRange(prune, 'prune', 0, 1);
  if (neighbors.length !== n * k)
    throw new TaceError('LENGTH_MISMATCH', `neighbors has ${neighbors.length} entries, not ${n} x ${k}`, {
      param: 'neighbors',
    });
  // Reverse lists: which cells have m among their neighbours.
  const revPtr = new Int32Array(n + 1);
  for (let t = 0; t < neighbors.length; t++) revPtr[neighbors[t] + 1]++;
  for (let m = 0; m < n; m++) revPtr[m + 1] += revPtr[m];
  const next = revPtr.slice(0, n);
  const rev = new Int32Array(neighbors.length);
  for (let i = 0; i < n; i++) for (let t = 0; t < k; t++) rev[next[neighbors[i * k + t]]++] = i;
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  const indptr = new Float64Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    for (let t = 0; t < k; t++) {
      const m = neighbors[i * k + t];
      for (let r = revPtr[m]; r < revPtr[m + 1]; r++) {
        const j = rev[r];
        if (shared[j] === 0) touched[nTouched++] = j;
        shared[j]++;
      }
    }
    const row = touched.subarray(0, nTouched).sort();
    for (const j of row) {
      const s = shared[j];
      shared[j] = 0;
      const w = s / (k + (k - s));
      if (w >= prune) {
        indices.push(j);
        values.push(w);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return {
    format: 'csr',
    shape: [n, n],
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(values),
  };
}
