/** A binary tree from hierarchical clustering: leaves are item indices; `height` is the merge distance. */
export interface ClusterTree {
  /** Items in dendrogram (leaf) order. */
  order: number[];
  /** Merges in order: the two merged clusters (negative = leaf -(i + 1), else merge index) and the height, as R `hclust`'s `merge` and `height`. */
  merges: { left: number; right: number; height: number }[];
}

/**
 * Agglomerative hierarchical clustering of `n` items with complete linkage on Euclidean distances between
 * rows of `vectors` (NaN coordinates skipped and the sum scaled up, as R `dist`), as
 * `pheatmap`/`hclust(dist(x), "complete")`. O(n^3); for heatmap rows and columns (up to a few thousand).
 * @example clusterItems([[0, 0], [0, 1], [5, 5]]).order // [2, 0, 1]
 */
export function clusterItems(vectors: readonly ArrayLike<number>[]): ClusterTree {
  const n = vectors.length;
  if (n === 0) return { order: [], merges: [] };
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      let used = 0;
      const a = vectors[i];
      const b = vectors[j];
      for (let k = 0; k < a.length; k++) {
        const diff = a[k] - b[k];
        if (Number.isFinite(diff)) {
          sum += diff * diff;
          used++;
        }
      }
      const dist = used === 0 ? 0 : Math.sqrt((sum * a.length) / used);
      d[i * n + j] = dist;
      d[j * n + i] = dist;
    }
  const id = Array.from({ length: n }, (_, i) => -(i + 1));
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const active = new Set(Array.from({ length: n }, (_, i) => i));
  const merges: ClusterTree['merges'] = [];
  while (active.size > 1) {
    let best = Number.POSITIVE_INFINITY;
    let bi = -1;
    let bj = -1;
    for (const i of active)
      for (const j of active)
        if (j > i && d[i * n + j] < best) {
          best = d[i * n + j];
          bi = i;
          bj = j;
        }
    merges.push({ left: id[bi], right: id[bj], height: best });
    for (const k of active)
      if (k !== bi && k !== bj) {
        const v = Math.max(d[bi * n + k], d[bj * n + k]);
        d[bi * n + k] = v;
        d[k * n + bi] = v;
      }
    active.delete(bj);
    members[bi] = [...members[bi], ...members[bj]];
    id[bi] = merges.length - 1;
  }
  return { order: members[[...active][0]], merges };
}
