import { symmetricEigen } from '@tace/core';
import { describe, expect, test } from 'vitest';
import { topEigenpairs } from '../../src/annotate/lanczos.js';
import { scaledPca } from '../../src/annotate/pca.js';
import type { SparseMatrix } from '../../src/h5ad/types.js';

describe('topEigenpairs', () => {
  test('diagonal operator: the k largest entries, unit vectors, largest entry positive', () => {
    const diag = [3, 9, 1, 7, 5];
    const r = topEigenpairs(
      (x, out) => {
        for (let i = 0; i < 5; i++) out[i] = diag[i] * x[i];
      },
      5,
      2,
    );
    expect(Array.from(r.values).map((v) => Number(v.toFixed(12)))).toEqual([9, 7]);
    expect(Array.from(r.vectors).map((v) => Number(v.toFixed(12)) + 0)).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 1, 0,
    ]);
  });
});

describe('scaledPca', () => {
  test('equals the eigen-decomposition of the explicitly scaled, clipped matrix', () => {
    // 7 cells x 4 genes with a gene whose scaled value clips at scaleMax = 1.5.
    const rows = [
      [0, 1, 2, 0],
      [0, 0, 3, 1],
      [5, 1, 0, 0],
      [0, 2, 1, 1],
      [0, 0, 0, 2],
      [1, 1, 1, 0],
      [0, 3, 0, 1],
    ];
    const n = rows.length;
    const p = 4;
    const indptr = new Float64Array(n + 1);
    const indices: number[] = [];
    const data: number[] = [];
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== 0) {
          indices.push(j);
          data.push(v);
        }
      });
      indptr[i + 1] = indices.length;
    });
    const m: SparseMatrix = {
      format: 'csr',
      shape: [n, p],
      indptr,
      indices: Int32Array.from(indices),
      data: Float64Array.from(data),
    };
    const r = scaledPca(m, Int32Array.of(0, 1, 2, 3), { nPcs: 3, scaleMax: 1.5 });
    // Explicit X: centre, divide by the n-1 sd, clip above at 1.5.
    const X = rows.map((row) => row.slice());
    for (let j = 0; j < p; j++) {
      const col = rows.map((row) => row[j]);
      const mean = col.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      for (let i = 0; i < n; i++) X[i][j] = Math.min(1.5, (rows[i][j] - mean) / sd);
    }
    const xtx = Array.from({ length: p }, (_, a) =>
      Array.from({ length: p }, (_, b) => X.reduce((s, row) => s + row[a] * row[b], 0)),
    );
    const eig = symmetricEigen(xtx);
    for (let k = 0; k < 3; k++) {
      expect(r.stdev[k]).toBeCloseTo(Math.sqrt(eig.values[k] / (n - 1)), 12);
      const v = eig.vectors!.data.subarray(k * p, (k + 1) * p);
      const sign = Math.sign(v.reduce((s, x, g) => s + x * r.loadings[g + k * p], 0));
      for (let g = 0; g < p; g++) expect(r.loadings[g + k * p]).toBeCloseTo(sign * v[g], 10);
      // Embedding of cell 0 = X[0] . loading.
      expect(r.embeddings[k]).toBeCloseTo(
        X[0].reduce((s, x, g) => s + x * r.loadings[g + k * p], 0),
        12,
      );
    }
    let total = 0;
    for (let j = 0; j < p; j++) {
      const col = X.map((row) => row[j]);
      const mean = col.reduce((a, b) => a + b, 0) / n;
      total += col.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    }
    expect(r.totalVariance).toBeCloseTo(total, 12);
  });
});
