import { readFileSync } from 'node:fs';
import {
  cholesky,
  inverse,
  isTaceError,
  matrixToRows,
  solve,
  solveSymmetric,
  symmetricEigen,
  symmetricInverse,
} from '@tace/core';
import { ldlDecompose, ldlInverse, ldlSolve } from '@tace/core/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const r = JSON.parse(readFileSync(new URL('../fixtures/r-matrix/r-matrix.json', import.meta.url), 'utf8'));

/** Max absolute difference relative to the largest entry of `expected`. */
function relativeError(actual: number[][], expected: number[][]): number {
  let scale = 0;
  let error = 0;
  for (let i = 0; i < expected.length; i++) {
    for (let j = 0; j < expected[i].length; j++) {
      scale = Math.max(scale, Math.abs(expected[i][j]));
      error = Math.max(error, Math.abs(actual[i][j] - expected[i][j]));
    }
  }
  return error / scale;
}

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(isTaceError(error) && error.code).toBe(code);
    return;
  }
  expect.fail(`expected a TaceError ${code}`);
}

describe('matrix helpers (tier 1)', () => {
  it('cholesky of [[4, 2], [2, 3]] is [[2, 0], [1, sqrt 2]]', () => {
    expect(
      matrixToRows(
        cholesky([
          [4, 2],
          [2, 3],
        ]),
      ),
    ).toEqual([
      [2, 0],
      [1, Math.SQRT2],
    ]);
  });
  it('solve and inverse of a diagonal matrix', () => {
    expect(
      Array.from(
        solve(
          [
            [2, 0],
            [0, 4],
          ],
          [1, 1],
        ).data,
      ),
    ).toEqual([0.5, 0.25]);
    expect(
      matrixToRows(
        inverse([
          [2, 0],
          [0, 4],
        ]),
      ),
    ).toEqual([
      [0.5, 0],
      [0, 0.25],
    ]);
  });
  it('singular and non-positive-definite input raise SINGULAR_MATRIX', () => {
    const singular = [
      [1, 2],
      [2, 4],
    ];
    expectCode(() => solve(singular, [1, 1]), 'SINGULAR_MATRIX');
    expectCode(() => inverse(singular), 'SINGULAR_MATRIX');
    expectCode(() => cholesky(singular), 'SINGULAR_MATRIX');
    expectCode(
      () =>
        symmetricInverse([
          [1, 0],
          [0, -1],
        ]),
      'SINGULAR_MATRIX',
    );
    expectCode(
      () =>
        inverse([
          [1, 1],
          [1, 1 + 1e-17],
        ]),
      'SINGULAR_MATRIX',
    );
  });
  it('bad shapes and values raise INVALID_ARGUMENT', () => {
    expectCode(
      () =>
        inverse([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      'INVALID_ARGUMENT',
    );
    expectCode(
      () =>
        cholesky([
          [1, 2],
          [3, 4],
        ]),
      'INVALID_ARGUMENT',
    );
    expectCode(
      () =>
        inverse([
          [1, Number.NaN],
          [0, 1],
        ]),
      'INVALID_ARGUMENT',
    );
    expectCode(
      () =>
        solve(
          [
            [1, 0],
            [0, 1],
          ],
          [1, 2, 3],
        ),
      'INVALID_ARGUMENT',
    );
  });
});

describe('matrix helpers match R 4.2.2 (fixture r-matrix, tolerance 1e-12 relative to the largest entry)', () => {
  it('cholesky = t(chol(a))', () => {
    expect(relativeError(matrixToRows(cholesky(r.a)), r.chol_lower)).toBeLessThan(1e-12);
  });
  it('symmetricInverse = chol2inv(chol(a)), solveSymmetric = solve(a, b)', () => {
    expect(relativeError(matrixToRows(symmetricInverse(r.a)), r.chol2inv)).toBeLessThan(1e-12);
    expect(relativeError([Array.from(solveSymmetric(r.a, r.b).data)], [r.solve_a_b])).toBeLessThan(1e-12);
  });
  it('inverse = solve(g), solve = solve(g, b)', () => {
    expect(relativeError(matrixToRows(inverse(r.g)), r.solve_g)).toBeLessThan(1e-12);
    expect(relativeError([Array.from(solve(r.g, r.b).data)], [r.solve_g_b])).toBeLessThan(1e-12);
  });
});

describe('symmetricEigen matches R 4.2.2 eigen(symmetric = TRUE) (fixture r-matrix)', () => {
  /** Largest |x - y| after aligning the sign of each eigenvector column with R's. */
  function vectorError(actual: number[][], expected: number[][]): number {
    let error = 0;
    for (let j = 0; j < expected[0].length; j++) {
      let dot = 0;
      for (let i = 0; i < expected.length; i++) dot += actual[i][j] * expected[i][j];
      const sign = dot < 0 ? -1 : 1;
      for (let i = 0; i < expected.length; i++)
        error = Math.max(error, Math.abs(sign * actual[i][j] - expected[i][j]));
    }
    return error;
  }
  it('a (6 x 6 positive definite): values to 1e-12 relative, vectors to 1e-10 up to sign', () => {
    const { values, vectors } = symmetricEigen(r.a);
    expect(relativeError([Array.from(values)], [r.eigen_a_values])).toBeLessThan(1e-12);
    expect(vectorError(matrixToRows(vectors!), r.eigen_a_vectors)).toBeLessThan(1e-10);
  });
  it('h (12 x 12 indefinite): values to 1e-12 relative, vectors to 1e-10 up to sign', () => {
    const { values, vectors } = symmetricEigen(r.h);
    expect(relativeError([Array.from(values)], [r.eigen_h_values])).toBeLessThan(1e-12);
    expect(vectorError(matrixToRows(vectors!), r.eigen_h_vectors)).toBeLessThan(1e-10);
  });
  it('vectors: false gives the same values and no vectors', () => {
    const both = symmetricEigen(r.h);
    const only = symmetricEigen(r.h, { vectors: false });
    expect(only.vectors).toBeNull();
    expect(Array.from(only.values)).toEqual(Array.from(both.values));
  });
});

describe('symmetricEigen (tier 1)', () => {
  it('[[2, 1], [1, 2]] has values 3 and 1 with vectors (1, 1)/sqrt 2 and (1, -1)/sqrt 2', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(Array.from(values)).toEqual([3, 1].map((v) => expect.closeTo(v, 14)));
    const v = matrixToRows(vectors!);
    expect(Math.abs(v[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(v[0][0] * v[1][0]).toBeCloseTo(0.5, 14);
    expect(v[0][1] * v[1][1]).toBeCloseTo(-0.5, 14);
  });
  it('a diagonal matrix gives its diagonal, decreasing; the empty matrix gives nothing', () => {
    expect(
      Array.from(
        symmetricEigen([
          [1, 0, 0],
          [0, 5, 0],
          [0, 0, -2],
        ]).values,
      ),
    ).toEqual([5, 1, -2]);
    expect(symmetricEigen([]).values.length).toBe(0);
  });
  it('a non-symmetric matrix is INVALID_ARGUMENT', () => {
    expectCode(
      () =>
        symmetricEigen([
          [1, 2],
          [3, 1],
        ]),
      'INVALID_ARGUMENT',
    );
  });
});

describe('matrix properties (tier 3)', () => {
  it('symmetricEigen: A V = V diag(values), V orthonormal, values decreasing (1e-9 relative)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }),
          ),
        (entries) => {
          const n = Math.round(Math.sqrt(entries.length));
          const a = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => entries[Math.min(i, j) * n + Math.max(i, j)]),
          );
          const { values, vectors } = symmetricEigen(a);
          const v = matrixToRows(vectors!);
          const scale = Math.max(1, ...entries.map(Math.abs)) * n;
          for (let k = 0; k < n; k++) {
            if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
            for (let i = 0; i < n; i++) {
              let av = 0;
              for (let j = 0; j < n; j++) av += a[i][j] * v[j][k];
              expect(Math.abs(av - values[k] * v[i][k])).toBeLessThan(1e-9 * scale);
            }
            for (let l = 0; l < n; l++) {
              let dot = 0;
              for (let i = 0; i < n; i++) dot += v[i][k] * v[i][l];
              expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-9);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
  it('ldlDecompose / ldlSolve / ldlInverse: a rank-deficient matrix solves with the aliased direction at 0 (as chsolve2)', () => {
    // [[1, 1], [1, 1]] has rank 1: the second pivot is dropped.
    const m = Float64Array.from([1, 1, 1, 1]);
    expect(ldlDecompose(m, 2, 1e-9)).toBe(1);
    const b = Float64Array.from([2, 2]);
    ldlSolve(m, 2, b);
    expect(Array.from(b)).toEqual([2, 0]);
    expect(Array.from(ldlInverse(m, 2))).toEqual([1, 0, 0, 0]);
  });
  it('X^T X + I times its symmetric inverse is the identity to 1e-10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((p) =>
          fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: p, maxLength: p }), {
            minLength: 1,
            maxLength: 12,
          }),
        ),
        (rows) => {
          const p = rows[0].length;
          const a = Array.from({ length: p }, (_, i) =>
            Array.from({ length: p }, (_, j) =>
              rows.reduce((sum, row) => sum + row[i] * row[j], i === j ? 1 : 0),
            ),
          );
          const inverseA = matrixToRows(symmetricInverse(a));
          const product = a.map((row) =>
            inverseA[0].map((_, j) => row.reduce((sum, x, k) => sum + x * inverseA[k][j], 0)),
          );
          const identity = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
          expect(relativeError(product, identity)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 50 },
    );
  });
});
