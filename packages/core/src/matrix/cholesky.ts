import { CholeskyDecomposition, type Matrix } from 'ml-matrix';
import { TaceError } from '../errors/tace-error.js';
import { type MatrixLike, toMatrix } from './to-matrix.js';

/** Options of the Cholesky-based helpers. */
export interface CholeskyOptions {
  /**
   * A diagonal pivot of L^2 at or below `tolerance` x the largest diagonal entry of A counts as zero: the
   * matrix is then treated as not positive definite (R's `chol` uses LAPACK's exact test instead).
   * @default 1e-14
   */
  tolerance?: number;
}

/**
 * Cholesky factor L (lower triangular, A = L L^T) of a symmetric positive-definite matrix, as R `t(chol(A))`.
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not (numerically) positive definite; `INVALID_ARGUMENT` when
 * it is not square, symmetric or finite.
 * @example cholesky([[4, 2], [2, 3]]).to2DArray() // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(matrix: MatrixLike, options: CholeskyOptions = {}): Matrix {
  return choleskyDecomposition(matrix, options).lowerTriangularMatrix;
}

/**
 * The ml-matrix Cholesky decomposition of A after the checks of {@link cholesky}; use its `solve`.
 * @throws {TaceError} as {@link cholesky}.
 */
export function choleskyDecomposition(
  matrix: MatrixLike,
  options: CholeskyOptions = {},
): CholeskyDecomposition {
  const a = toMatrix(matrix, 'matrix', true);
  const n = a.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const x = a.get(i, j);
      const y = a.get(j, i);
      if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y), 1e-300)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `is not symmetric: [${i + 1}, ${j + 1}] = ${x} but [${j + 1}, ${i + 1}] = ${y}`,
          {
            param: 'matrix',
          },
        );
      }
    }
  }
  const tolerance = options.tolerance ?? 1e-14;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(a.get(i, i)));
  const decomposition = new CholeskyDecomposition(a);
  const l = decomposition.lowerTriangularMatrix;
  let positive = decomposition.isPositiveDefinite() && largest > 0;
  for (let i = 0; positive && i < n; i++) {
    const pivot = l.get(i, i);
    if (!(pivot * pivot > tolerance * largest)) positive = false;
  }
  if (!positive) {
    throw new TaceError('SINGULAR_MATRIX', `the ${n} x ${n} matrix is not positive definite`, {
      param: 'matrix',
      remedy: 'check for collinear or constant columns, or add a ridge penalty',
    });
  }
  return decomposition;
}
