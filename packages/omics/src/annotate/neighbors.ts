import { assertInRange, assertInteger, TaceError } from '@tace/core';
import type { SparseMatrix } from '../h5ad/types.js';

/**
 * Exact k nearest neighbours (Euclidean) of every row of a row-major `n x d` embedding, the row itself included
 * (first, at distance 0), as RANN's `nn2(searchtype = "standard", eps = 0)` that Seurat's `FindNeighbors(nn.method =
 * "rann")` calls. A k-d tree (leaves of 16 points, split at the median of the widest coordinate) searched with a
 * bounded max-heap per row, pruning only subtrees that cannot hold a closer point, so the result equals brute
 * force; ties by lower index. Above 20 dimensions the search is brute force (a k-d tree no longer prunes).
 * @returns row-major `n x k` neighbour indices, nearest first.
 * @example nearestNeighbors(Float64Array.of(0, 1, 5), 3, 1, 2) // Int32Array [0, 1, 1, 0, 2, 1]
 */
export function nearestNeighbors(embedding: Float64Array, n: number, d: number, k: number): Int32Array {
  assertInteger(k, 'k', 1);
  if (k > n) throw new TaceError('INVALID_ARGUMENT', `k = ${k} exceeds the ${n} cells`, { param: 'k' });
  const heap = new NeighborHeap(k);
  const out = new Int32Array(n * k);
  const tree = d <= 20 ? buildKdTree(embedding, n, d) : null;
  for (let i = 0; i < n; i++) {
    heap.reset();
    if (tree === null) for (let j = 0; j < n; j++) heap.offer(distance(embedding, d, i, j), j, i);
    else searchKdTree(tree, embedding, d, i, heap);
    heap.sortedInto(out, i * k);
  }
  return out;
}

function distance(embedding: Float64Array, d: number, i: number, j: number): number {
  const bi = i * d;
  const bj = j * d;
  let dist = 0;
  for (let t = 0; t < d; t++) {
    const diff = embedding[bi + t] - embedding[bj + t];
    dist += diff * diff;
  }
  return dist;
}

/** The k best (distance, index) pairs seen, the worst at the root; the query itself counts as distance -1. */
class NeighborHeap {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }
  reset(): void {
    this.size = 0;
  }
  /** Squared distance of the worst kept pair, Infinity while fewer than k are kept. */
  bound(): number {
    return this.size < this.k ? Number.POSITIVE_INFINITY : this.dist[0];
  }
  offer(distSq: number, j: number, query: number): void {
    const dist = j === query ? -1 : distSq; // self first, even among duplicates
    const { k } = this;
    const hd = this.dist;
    const hi = this.index;
    if (this.size < k) {
      let pos = this.size++;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        if (!worse(dist, j, hd[parent], hi[parent])) break;
        hd[pos] = hd[parent];
        hi[pos] = hi[parent];
        pos = parent;
      }
      hd[pos] = dist;
      hi[pos] = j;
    } else if (worse(hd[0], hi[0], dist, j)) {
      let pos = 0;
      for (;;) {
        const left = 2 * pos + 1;
        if (left >= k) break;
        const right = left + 1;
        const child = right < k && worse(hd[right], hi[right], hd[left], hi[left]) ? right : left;
        if (!worse(hd[child], hi[child], dist, j)) break;
        hd[pos] = hd[child];
        hi[pos] = hi[child];
        pos = child;
      }
      hd[pos] = dist;
      hi[pos] = j;
    }
  }
  sortedInto(out: Int32Array, offset: number): void {
    const order = Array.from({ length: this.size }, (_, t) => t).sort(
      (a, b) => this.dist[a] - this.dist[b] || this.index[a] - this.index[b],
    );
    for (let t = 0; t < order.length; t++) out[offset + t] = this.index[order[t]];
  }
}

interface KdTree {
  /** Point indices, each node owning a contiguous range. */
  points: Int32Array;
  /** Per node: range start, range end, split dimension (-1 = leaf), split value, left child, right child. */
  start: number[];
  end: number[];
  dim: number[];
  split: number[];
  left: number[];
  right: number[];
}

const LEAF_SIZE = 16;

function buildKdTree(embedding: Float64Array, n: number, d: number): KdTree {
  const tree: KdTree = {
    points: Int32Array.from({ length: n }, (_, i) => i),
    start: [],
    end: [],
    dim: [],
    split: [],
    left: [],
    right: [],
  };
  const build = (from: number, to: number): number => {
    const node = tree.start.length;
    tree.start.push(from);
    tree.end.push(to);
    tree.dim.push(-1);
    tree.split.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    if (to - from <= LEAF_SIZE) return node;
    let best = -1;
    let spread = 0;
    for (let t = 0; t < d; t++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let p = from; p < to; p++) {
        const v = embedding[tree.points[p] * d + t];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > spread) {
        spread = hi - lo;
        best = t;
      }
    }
    if (best < 0) return node; // all points equal
    const slice = Array.from(tree.points.subarray(from, to)).sort(
      (a, b) => embedding[a * d + best] - embedding[b * d + best] || a - b,
    );
    tree.points.set(slice, from);
    const mid = from + ((to - from) >> 1);
    tree.dim[node] = best;
    tree.split[node] = embedding[tree.points[mid] * d + best];
    // Left: [from, mid) with values <= split; right: [mid, to) with values >= split.
    const l = build(from, mid);
    const r = build(mid, to);
    tree.left[node] = l;
    tree.right[node] = r;
    return node;
  };
  build(0, n);
  return tree;
}

function searchKdTree(
  tree: KdTree,
  embedding: Float64Array,
  d: number,
  query: number,
  heap: NeighborHeap,
): void {
  const visit = (node: number): void => {
    const dim = tree.dim[node];
    if (dim < 0) {
      for (let p = tree.start[node]; p < tree.end[node]; p++) {
        const j = tree.points[p];
        heap.offer(distance(embedding, d, query, j), j, query);
      }
      return;
    }
    const delta = embedding[query * d + dim] - tree.split[node];
    const near = delta <= 0 ? tree.left[node] : tree.right[node];
    const far = delta <= 0 ? tree.right[node] : tree.left[node];
    visit(near);
    // A point of the far side is at least |delta| away: visit it unless that is beyond the worst kept (ties
    // included, so that an equally distant point of lower index is not missed).
    if (delta * delta <= heap.bound()) visit(far);
  };
  visit(0);
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
