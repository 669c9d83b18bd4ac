import { type RandomSource, toRng } from '@tace/core';
import { UMAP } from 'umap-js';

/** Options of {@link umapEmbedding}. */
export interface UmapOptions {
  /** Neighbours per cell (Seurat `RunUMAP(n.neighbors)`). @default 30 */
  nNeighbors?: number;
  /** Minimum distance between embedded points (Seurat `min.dist`). @default 0.3 */
  minDist?: number;
  /** Optimisation epochs (umap-js chooses 500 below 10,000 cells, else 200). @default umap-js's choice */
  nEpochs?: number;
  /** Seed or generator of the layout (core's RNG drives umap-js). @default 42 */
  seed?: RandomSource;
}

/**
 * A 2-D UMAP layout of a row-major `n x d` embedding (e.g. the first PCs) for display, by `umap-js` (the
 * maintained JavaScript port of McInnes et al.'s UMAP) on the exact Euclidean kNN given, seeded through core's
 * RNG so a seed gives the same layout. For display only: distances in it are not analysed.
 * @param neighbors row-major `n x k` exact neighbours (self first), e.g. from `nearestNeighbors`; the first
 *   `nNeighbors` columns are used.
 * @returns row-major `n x 2`, as `obsm['X_umap']`.
 * @example umapEmbedding(pcs, n, 10, nearestNeighbors(pcs, n, 10, 30))
 */
export function umapEmbedding(
  embedding: Float64Array,
  n: number,
  d: number,
  neighbors: Int32Array,
  options: UmapOptions = {},
): Float64Array {
  const k = neighbors.length / n;
  const nNeighbors = Math.min(options.nNeighbors ?? 30, k);
  const rng = toRng(options.seed ?? 42);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors,
    minDist: options.minDist ?? 0.3,
    ...(options.nEpochs === undefined ? {} : { nEpochs: options.nEpochs }),
    random: () => rng.nextFloat(),
  });
  const rows: number[][] = [];
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push(Array.from(embedding.subarray(i * d, (i + 1) * d)));
    const idx: number[] = [];
    const dist: number[] = [];
    for (let t = 0; t < nNeighbors; t++) {
      const j = neighbors[i * k + t];
      let s = 0;
      for (let c = 0; c < d; c++) s += (embedding[i * d + c] - embedding[j * d + c]) ** 2;
      idx.push(j);
      dist.push(Math.sqrt(s));
    }
    knnIndices.push(idx);
    knnDistances.push(dist);
  }
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  const layout = umap.fit(rows);
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = layout[i][0];
    out[i * 2 + 1] = layout[i][1];
  }
  return out;
}
