import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { louvainClusters } from '../../src/annotate/louvain.js';
import { nearestNeighbors, sharedNeighborGraph } from '../../src/annotate/neighbors.js';

/** Brute force: sort every point by (squared distance, index), self first. */
function bruteForce(x: Float64Array, n: number, d: number, k: number): Int32Array {
  const out = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    const dist = (j: number) => {
      if (j === i) return -1;
      let s = 0;
      for (let t = 0; t < d; t++) s += (x[i * d + t] - x[j * d + t]) ** 2;
      return s;
    };
    const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => dist(a) - dist(b) || a - b);
    out.set(order.slice(0, k), i * k);
  }
  return out;
}

describe('nearestNeighbors', () => {
  test('hand-worked: points 0, 1, 5 on a line, k = 2', () => {
    expect(Array.from(nearestNeighbors(Float64Array.of(0, 1, 5), 3, 1, 2))).toEqual([0, 1, 1, 0, 2, 1]);
  });

  test('k-d tree search equals brute force, duplicates and ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, d, kWanted, seed) => {
          const k = Math.min(kWanted, n);
          let state = seed + 1;
          // Values on a coarse grid so that equal distances and duplicate points occur.
          const x = Float64Array.from({ length: n * d }, () => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return Math.floor((state / 2147483648) * 6);
          });
          expect(Array.from(nearestNeighbors(x, n, d, k))).toEqual(Array.from(bruteForce(x, n, d, k)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sharedNeighborGraph', () => {
  test('hand-worked Jaccard weights and pruning', () => {
    // k = 2: neighbours 0:{0,1} 1:{1,0} 2:{2,3} 3:{3,2}. Shared: (0,1) 2 -> 2/(4-2) = 1; (0,2) 0.
    const g = sharedNeighborGraph(Int32Array.of(0, 1, 1, 0, 2, 3, 3, 2), 4, 2, 1 / 15);
    expect(Array.from(g.indptr)).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(g.indices)).toEqual([0, 1, 0, 1, 2, 3, 2, 3]);
    expect(Array.from(g.data)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // k = 2: 0:{0,1} 1:{1,2} 2:{2,1}: (0,1) share 1 -> 1/3; (0,2) share 1 -> 1/3; pruned at 0.5.
    const h = sharedNeighborGraph(Int32Array.of(0, 1, 1, 2, 2, 1), 3, 2, 0.5);
    expect(Array.from(h.indices)).toEqual([0, 1, 2, 1, 2]);
  });
});

describe('louvainClusters', () => {
  test('two cliques joined by one weak edge: two clusters, larger first', () => {
    // Nodes 0-3 a clique, 4-6 a clique, edge 3-4 of weight 0.1.
    const edges: [number, number, number][] = [];
    for (const group of [
      [0, 1, 2, 3],
      [4, 5, 6],
    ])
      for (const a of group) for (const b of group) if (a !== b) edges.push([a, b, 1]);
    edges.push([3, 4, 0.1], [4, 3, 0.1]);
    const rows: [number, number][][] = Array.from({ length: 7 }, () => []);
    for (const [a, b, w] of edges) rows[a].push([b, w]);
    const indptr = new Float64Array(8);
    const indices: number[] = [];
    const data: number[] = [];
    rows.forEach((r, i) => {
      r.sort((p, q) => p[0] - q[0]);
      for (const [j, w] of r) {
        indices.push(j);
        data.push(w);
      }
      indptr[i + 1] = indices.length;
    });
    const r = louvainClusters(
      {
        format: 'csr',
        shape: [7, 7],
        indptr,
        indices: Int32Array.from(indices),
        data: Float64Array.from(data),
      },
      { resolution: 1 },
    );
    expect(Array.from(r.cluster)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(r.nClusters).toBe(2);
  });
});
