import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { cholesky, inverse, isTaceError, solve, solveSymmetric, symmetricInverse } from '../../src/index.js';

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
      cholesky([
        [4, 2],
        [2, 3],
      ]).to2DArray(),
    ).toEqual([
      [2, 0],
      [1, Math.SQRT2],
    ]);
  });
  it('solve and inverse of a diagonal matrix', () => {
    expect(
      solve(
        [
          [2, 0],
          [0, 4],
        ],
        [1, 1],
      ).to1DArray(),
    ).toEqual([0.5, 0.25]);
    expect(
      inverse([
        [2, 0],
        [0, 4],
      ]).to2DArray(),
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
    expect(relativeError(cholesky(r.a).to2DArray(), r.chol_lower)).toBeLessThan(1e-12);
  });
  it('symmetricInverse = chol2inv(chol(a)), solveSymmetric = solve(a, b)', () => {
    expect(relativeError(symmetricInverse(r.a).to2DArray(), r.chol2inv)).toBeLessThan(1e-12);
    expect(relativeError([solveSymmetric(r.a, r.b).to1DArray()], [r.solve_a_b])).toBeLessThan(1e-12);
  });
  it('inverse = solve(g), solve = solve(g, b)', () => {
    expect(relativeError(inverse(r.g).to2DArray(), r.solve_g)).toBeLessThan(1e-12);
    expect(relativeError([solve(r.g, r.b).to1DArray()], [r.solve_g_b])).toBeLessThan(1e-12);
  });
});

describe('matrix properties (tier 3)', () => {
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
          const x = new Matrix(rows);
          const a = x.transpose().mmul(x).add(Matrix.eye(x.columns));
          const product = a.mmul(symmetricInverse(a));
          const identity = Matrix.eye(x.columns);
          expect(relativeError(product.to2DArray(), identity.to2DArray())).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 50 },
    );
  });
});
