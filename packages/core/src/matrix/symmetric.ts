import { TaceError } from '../errors/tace-error.js';
import {
  type DenseMatrix,
  isDenseMatrix,
  type MatrixLike,
  matrixFromRows,
  toDenseMatrix,
} from './dense-matrix.js';
import { ldlDecompose, ldlInverse, ldlSolve } from './ldl.js';
import { symmetricEigenDecompose } from './symmetric-eigen-kernel.js';

/** Options of the Cholesky-based helpers. */
export interface CholeskyOptions {
  /**
   * A pivot (a diagonal entry of D in A = L D L') at or below `tolerance` x the largest diagonal entry of A
   * counts as zero: the matrix is then treated as not positive definite (R's `chol` uses LAPACK's exact test;
   * R survival's `cholesky2` the same relative test with `.Machine$double.eps^0.75`).
   * @default 1e-14
   */
  tolerance?: number;
}

/**
 * Cholesky factor L (lower triangular, A = L L^T) of a symmetric positive-definite matrix, as R `t(chol(A))`.
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not (numerically) positive definite; `INVALID_ARGUMENT` when
 * it is not square, symmetric or finite.
 * @example matrixToRows(cholesky([[4, 2], [2, 3]])) // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(matrix: MatrixLike, options: CholeskyOptions = {}): DenseMatrix {
  const n = checkedSymmetric(matrix, 'matrix').rows;
  const m = decomposed(matrix, 'matrix', options);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const root = Math.sqrt(m[j * n + j]);
    l[j + j * n] = root;
    for (let i = j + 1; i < n; i++) l[i + j * n] = m[i * n + j] * root;
  }
  return { rows: n, columns: n, data: l };
}

/**
 * Inverse of a symmetric positive-definite matrix, as R `chol2inv(chol(A))`; the result is exactly symmetric.
 * Typical use: a covariance matrix from an information (Hessian) matrix.
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not positive definite.
 * @example matrixToRows(symmetricInverse([[4, 2], [2, 3]])) // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function symmetricInverse(a: MatrixLike, options: CholeskyOptions = {}): DenseMatrix {
  const m = decomposed(a, 'a', options);
  const n = Math.round(Math.sqrt(m.length));
  return { rows: n, columns: n, data: ldlInverse(m, n) };
}

/**
 * Solves A X = B for symmetric positive-definite A by its L D L' decomposition (half the work of LU, and the
 * test of positive definiteness comes free). `b` may be a vector (gives a one-column matrix) or a matrix.
 * @throws {TaceError} `SINGULAR_MATRIX` when A is not positive definite; `INVALID_ARGUMENT` for shapes that do not fit.
 * @example solveSymmetric([[4, 2], [2, 3]], [1, 1]).data // Float64Array [0.125, 0.25]
 */
export function solveSymmetric(
  a: MatrixLike,
  b: MatrixLike | ArrayLike<number>,
  options: CholeskyOptions = {},
): DenseMatrix {
  const m = decomposed(a, 'a', options);
  const n = Math.round(Math.sqrt(m.length));
  const rhs = rightHandSide(b, n);
  for (let j = 0; j < rhs.columns; j++) ldlSolve(m, n, rhs.data.subarray(j * n, (j + 1) * n));
  return rhs;
}

/** Options of {@link symmetricEigen}. */
export interface SymmetricEigenOptions {
  /** Compute the eigenvectors too (R `eigen(only.values = FALSE)`). @default true */
  vectors?: boolean;
}

/** Result of {@link symmetricEigen}. */
export interface SymmetricEigenResult {
  /** Eigenvalues, decreasing (as R `eigen()`). */
  values: Float64Array;
  /** Unit eigenvectors as columns (column k belongs to `values[k]`; signs arbitrary); null when not asked for. */
  vectors: DenseMatrix | null;
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, as R `eigen(A, symmetric = TRUE)` (up to the signs of
 * the vectors): Householder tridiagonalisation and implicit QL. The argument is not modified.
 * @throws {TaceError} `INVALID_ARGUMENT` when the matrix is not square, symmetric or finite.
 * @example symmetricEigen([[2, 1], [1, 2]]).values // Float64Array [3, 1]
 */
export function symmetricEigen(a: MatrixLike, options: SymmetricEigenOptions = {}): SymmetricEigenResult {
  const matrix = checkedSymmetric(a, 'a');
  const n = matrix.rows;
  const values = new Float64Array(n);
  const vectors = options.vectors === false ? null : new Float64Array(n * n);
  symmetricEigenDecompose(matrix.data, n, values, vectors);
  return { values, vectors: vectors === null ? null : { rows: n, columns: n, data: vectors } };
}

/** A square, finite, symmetric copy of `a` (relative asymmetry up to 1e-12 is tolerated). */
function checkedSymmetric(a: MatrixLike, param: string): DenseMatrix {
  const matrix = toDenseMatrix(a, param, true);
  const { rows: n, data } = matrix;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j; i++) {
      const x = data[i + j * n];
      const y = data[j + i * n];
      if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y), 1e-300)) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `is not symmetric: [${i + 1}, ${j + 1}] = ${x} but [${j + 1}, ${i + 1}] = ${y}`,
          { param },
        );
      }
    }
  }
  return matrix;
}

/** The L D L' decomposition of a symmetric positive-definite matrix, or a SINGULAR_MATRIX error. */
function decomposed(a: MatrixLike, param: string, options: CholeskyOptions): Float64Array {
  const matrix = checkedSymmetric(a, param);
  const n = matrix.rows;
  const m = matrix.data;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(m[i * n + i]));
  const rank = largest > 0 ? ldlDecompose(m, n, options.tolerance ?? 1e-14) : 0;
  if (rank !== n) {
    throw new TaceError('SINGULAR_MATRIX', `the ${n} x ${n} matrix is not positive definite`, {
      param,
      remedy: 'check for collinear or constant columns, or add a ridge penalty',
    });
  }
  return m;
}

/** A column-major copy of a right-hand side (a vector becomes one column), checked to have `n` rows. */
export function rightHandSide(b: MatrixLike | ArrayLike<number>, n: number): DenseMatrix {
  let rhs: DenseMatrix;
  if (isDenseMatrix(b)) rhs = { rows: b.rows, columns: b.columns, data: Float64Array.from(b.data) };
  else if ((b as ArrayLike<unknown>).length === 0 || typeof (b as ArrayLike<unknown>)[0] === 'number') {
    const values = Float64Array.from(b as ArrayLike<number>);
    rhs = { rows: values.length, columns: 1, data: values };
  } else rhs = matrixFromRows(b as ArrayLike<ArrayLike<number>>, 'b');
  if (rhs.rows !== n) {
    throw new TaceError('INVALID_ARGUMENT', `has ${rhs.rows} rows but the matrix has ${n}`, { param: 'b' });
  }
  return rhs;
}
