import { LuDecomposition, Matrix } from 'ml-matrix';
import { TaceError } from '../errors/tace-error.js';
import { type CholeskyOptions, choleskyDecomposition } from './cholesky.js';
import { type MatrixLike, toMatrix } from './to-matrix.js';

/** Options of {@link solve} and {@link inverse}. */
export interface SolveOptions {
  /**
   * The matrix counts as singular when its smallest LU pivot is at or below `tolerance` x its largest (a
   * cheap stand-in for R's reciprocal condition number test in `solve`, whose `tol` is also 2.2e-16).
   * @default 1e-14
   */
  tolerance?: number;
}

/**
 * Solves A X = B by LU decomposition with partial pivoting, as R `solve(A, B)`. `b` may be a vector
 * (returns a one-column matrix) or a matrix.
 * @throws {TaceError} `SINGULAR_MATRIX` for a (numerically) singular A; `INVALID_ARGUMENT` for shapes that do not fit.
 * @example solve([[2, 0], [0, 4]], [1, 1]).to1DArray() // [0.5, 0.25]
 */
export function solve(a: MatrixLike, b: MatrixLike | ArrayLike<number>, options: SolveOptions = {}): Matrix {
  const lu = luDecomposition(a, options);
  const rhs = toRightHandSide(b);
  if (rhs.rows !== lu.upperTriangularMatrix.rows) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `has ${rhs.rows} rows but the matrix has ${lu.upperTriangularMatrix.rows}`,
      {
        param: 'b',
      },
    );
  }
  return lu.solve(rhs);
}

/**
 * Inverse of a square matrix via LU, as R `solve(A)`.
 * @throws {TaceError} `SINGULAR_MATRIX` for a (numerically) singular matrix.
 * @example inverse([[2, 0], [0, 4]]).to2DArray() // [[0.5, 0], [0, 0.25]]
 */
export function inverse(a: MatrixLike, options: SolveOptions = {}): Matrix {
  const lu = luDecomposition(a, options);
  return lu.solve(Matrix.eye(lu.upperTriangularMatrix.rows));
}

/**
 * Inverse of a symmetric positive-definite matrix via Cholesky, as R `chol2inv(chol(A))`; the result is
 * exactly symmetric. Typical use: a covariance matrix from an information (Hessian) matrix.
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not positive definite.
 * @example symmetricInverse([[4, 2], [2, 3]]).to2DArray() // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function symmetricInverse(a: MatrixLike, options: CholeskyOptions = {}): Matrix {
  const decomposition = choleskyDecomposition(a, options);
  const n = decomposition.lowerTriangularMatrix.rows;
  const result = decomposition.solve(Matrix.eye(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const average = (result.get(i, j) + result.get(j, i)) / 2;
      result.set(i, j, average);
      result.set(j, i, average);
    }
  }
  return result;
}

/**
 * Solves A x = b for symmetric positive-definite A by Cholesky (half the work of LU, and the test of positive
 * definiteness comes free).
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not positive definite.
 */
export function solveSymmetric(
  a: MatrixLike,
  b: MatrixLike | ArrayLike<number>,
  options: CholeskyOptions = {},
): Matrix {
  return choleskyDecomposition(a, options).solve(toRightHandSide(b));
}

function luDecomposition(a: MatrixLike, options: SolveOptions): LuDecomposition {
  const matrix = toMatrix(a, 'a', true);
  const lu = new LuDecomposition(matrix);
  const u = lu.upperTriangularMatrix;
  let smallest = Infinity;
  let largest = 0;
  for (let i = 0; i < u.rows; i++) {
    const pivot = Math.abs(u.get(i, i));
    smallest = Math.min(smallest, pivot);
    largest = Math.max(largest, pivot);
  }
  const tolerance = options.tolerance ?? 1e-14;
  if (u.rows > 0 && (lu.isSingular() || !(smallest > tolerance * largest))) {
    throw new TaceError(
      'SINGULAR_MATRIX',
      `the ${u.rows} x ${u.rows} matrix is singular (pivot ratio ${(smallest / largest).toExponential(2)})`,
      { param: 'a', remedy: 'check for collinear or constant columns, or add a ridge penalty' },
    );
  }
  return lu;
}

function toRightHandSide(b: MatrixLike | ArrayLike<number>): Matrix {
  if (b instanceof Matrix) return b;
  const first = (b as ArrayLike<unknown>)[0];
  if (typeof first === 'number' || (b as ArrayLike<unknown>).length === 0) {
    return Matrix.columnVector(Array.from(b as ArrayLike<number>));
  }
  return toMatrix(b as MatrixLike, 'b');
}
