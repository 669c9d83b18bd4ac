import { describe, expect, test } from 'vitest';
import { adjustedRandIndex } from '../../src/annotate/adjusted-rand.js';
import { louvainClusters } from '../../src/annotate/louvain.js';
import { nearestNeighbors, sharedNeighborGraph } from '../../src/annotate/neighbors.js';
import { scaledPca } from '../../src/annotate/pca.js';
import { findVariableGenes } from '../../src/annotate/variable-genes.js';
import type { SparseMatrix } from '../../src/h5ad/types.js';
import { normalizeTotal } from '../../src/singlecell/normalize.js';
import { seuratFixture } from './seurat-fixture.js';

// Reference: R Seurat 4.3.0 on a seeded synthetic 1000 cells x 2000 genes count matrix (fixtures/seurat-annotate/
// make.R; nfeatures 800, npcs 20, dims 1:10, k.param 20, prune.SNN 1/15, nn.method "rann", resolution 0.8).
const f = seuratFixture();
const n = f.counts.shape[0];
const hvgSeurat = Int32Array.from(f.hvg, (g) => f.genes.indexOf(g));
const logData = normalizeTotal(f.counts, { log1p: true, targetSum: 1e4 }) as SparseMatrix;
const pca = scaledPca(logData, hvgSeurat, { nPcs: 20 });
const p = f.loadingGenes.length;

function firstDims(embeddings: Float64Array, nPcs: number, dims: number): Float64Array {
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) for (let k = 0; k < dims; k++) out[i * dims + k] = embeddings[i * nPcs + k];
  return out;
}

/** Largest absolute difference between our loadings of PC k and the reference's, after matching the sign. */
function loadingError(reference: Float64Array, k: number): number {
  let dot = 0;
  for (let g = 0; g < p; g++) dot += pca.loadings[g + k * p] * reference[g + k * p];
  const sign = Math.sign(dot);
  let error = 0;
  for (let g = 0; g < p; g++)
    error = Math.max(error, Math.abs(pca.loadings[g + k * p] - sign * reference[g + k * p]));
  return error;
}

function csrFromTriplets(t: { i: Int32Array; j: Int32Array; x: Float64Array }): SparseMatrix {
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < t.i.length; e++) rows[t.i[e]].push([t.j[e], t.x[e]]);
  const indptr = new Float64Array(n + 1);
  const indices: number[] = [];
  const data: number[] = [];
  rows.forEach((r, i) => {
    r.sort((a, b) => a[0] - b[0]);
    for (const [j, x] of r) {
      indices.push(j);
      data.push(x);
    }
    indptr[i + 1] = indices.length;
  });
  return {
    format: 'csr',
    shape: [n, n],
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

describe('single-cell annotation against R Seurat 4.3.0 (FindVariableFeatures / RunPCA / FindNeighbors / FindClusters)', () => {
  test('vst HVGs: standardized variance to 1e-12 relative (R loess reproduced), HVG Jaccard >= 0.95', () => {
    const r = findVariableGenes(f.counts, { nFeatures: 800 });
    for (let g = 0; g < f.genes.length; g++) {
      expect(r.mean[g]).toBeCloseTo(f.hvf.mean[g], 12);
      expect(Math.abs(r.varianceStandardized[g] - f.hvf.standardized[g])).toBeLessThanOrEqual(
        1e-12 * Math.abs(f.hvf.standardized[g]),
      );
    }
    const mine = new Set(Array.from(r.selected, (g) => f.genes[g]));
    const shared = f.hvg.filter((g) => mine.has(g)).length;
    const jaccard = shared / (mine.size + f.hvg.length - shared);
    // Measured 0.9975: one pair of genes tied in exact arithmetic (values 1 ulp apart) swaps at rank 800.
    expect(jaccard).toBeGreaterThanOrEqual(0.95);
  });

  test('PCA: variance explained equal to 1e-6 relative, loadings equal up to sign', () => {
    expect(pca.genes.length).toBe(p);
    expect(Math.abs(pca.totalVariance / f.totalVariance - 1)).toBeLessThan(1e-12);
    for (let k = 0; k < 20; k++) {
      const seuratExplained = f.stdev[k] ** 2 / f.totalVariance;
      expect(Math.abs(pca.varianceExplained[k] / seuratExplained - 1)).toBeLessThan(1e-6);
      // Against the exact decomposition (prcomp) of the same matrix: to rounding.
      expect(Math.abs(pca.stdev[k] / f.stdevExact[k] - 1)).toBeLessThan(1e-12);
      const exactError = loadingError(f.loadingsExact, k);
      const irlbaError = loadingError(f.loadings, k);
      expect(exactError).toBeLessThan(1e-8);
      // Seurat's irlba stops at its tolerance (1e-5): its trailing loadings differ from exact by up to 4e-5.
      expect(irlbaError).toBeLessThan(1e-4);
    }
  });

  test('SNN graph equal to Seurat (same edges, weights to 1e-15)', () => {
    const nn = nearestNeighbors(firstDims(pca.embeddings, 20, 10), n, 10, 20);
    const snn = sharedNeighborGraph(nn, n, 20, 1 / 15);
    const mine = new Map<number, number>();
    for (let i = 0; i < n; i++)
      for (let k = snn.indptr[i]; k < snn.indptr[i + 1]; k++) mine.set(i * n + snn.indices[k], snn.data[k]);
    expect(mine.size).toBe(f.snn.i.length);
    let missing = 0;
    let largest = 0;
    for (let e = 0; e < f.snn.i.length; e++) {
      const v = mine.get(f.snn.i[e] * n + f.snn.j[e]);
      if (v === undefined) missing++;
      else largest = Math.max(largest, Math.abs(v - f.snn.x[e]));
    }
    expect(missing).toBe(0);
    expect(largest).toBeLessThanOrEqual(1e-15);
  });

  test("Louvain on Seurat's SNN and on ours end to end: ARI >= 0.9 against FindClusters", () => {
    const onSeuratGraph = louvainClusters(csrFromTriplets(f.snn), { resolution: 0.8 });
    expect(adjustedRandIndex(onSeuratGraph.cluster, f.clusters)).toBeGreaterThanOrEqual(0.9);
    const hvg = findVariableGenes(f.counts, { nFeatures: 800 });
    const own = scaledPca(logData, hvg.selected, { nPcs: 20 });
    const snn = sharedNeighborGraph(nearestNeighbors(firstDims(own.embeddings, 20, 10), n, 10, 20), n, 20);
    const ari = adjustedRandIndex(louvainClusters(snn).cluster, f.clusters);
    // Measured: 1 on both (the same partition, Seurat's Java random stream reproduced).
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });
});

describe('adjustedRandIndex', () => {
  test('hand-worked: identical up to names = 1; a 2x2 table by hand', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBe(1);
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]: pairs in cells 1+0+0+1 = 2; rows 3+3 = 6; cols 1+1+1 = 3;
    // expected 6*3/15 = 1.2; max 4.5; ARI = 0.8/3.3
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 14);
  });
});
