import { TaceError } from '../errors/tace-error.js';
import { type DenseMatrix, type MatrixLike, toDenseMatrix } from './dense-matrix.js';
import { rightHandSide } from './symmetric.js';

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
 * Solves A X = B by LU decomposition with partial pivoting, as R `solve(A, B)`. `b` may be a vector (gives a
 * one-column matrix) or a matrix.
 * @throws {TaceError} `SINGULAR_MATRIX` for a (numerically) singular A; `INVALID_ARGUMENT` for shapes that do not fit.
 * @example solve([[2, 0], [0, 4]], [1, 1]).data // Float64Array [0.5, 0.25]
 */
export function solve(
  a: MatrixLike,
  b: MatrixLike | ArrayLike<number>,
  options: SolveOptions = {},
): DenseMatrix {
  const lu = luDecompose(a, options);
  const rhs = rightHandSide(b, lu.n);
  for (let j = 0; j < rhs.columns; j++) luSolve(lu, rhs.data.subarray(j * lu.n, (j + 1) * lu.n));
  return rhs;
}

/**
 * Inverse of a square matrix via LU, as R `solve(A)`.
 * @throws {TaceError} `SINGULAR_MATRIX` for a (numerically) singular matrix.
 * @example matrixToRows(inverse([[2, 0], [0, 4]])) // [[0.5, 0], [0, 0.25]]
 */
export function inverse(a: MatrixLike, options: SolveOptions = {}): DenseMatrix {
  const lu = luDecompose(a, options);
  const n = lu.n;
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const column = out.subarray(j * n, (j + 1) * n);
    column[j] = 1;
    luSolve(lu, column);
  }
  return { rows: n, columns: n, data: out };
}

interface LuFactors {
  n: number;
  /** L (unit, below the diagonal) and U (on and above), column-major. */
  lu: Float64Array;
  pivot: Int32Array;
}

function luDecompose(a: MatrixLike, options: SolveOptions): LuFactors {
  const matrix = toDenseMatrix(a, 'a', true);
  const n = matrix.rows;
  const lu = matrix.data;
  const pivot = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i + k * n]) > Math.abs(lu[p + k * n])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[p + j * n];
        lu[p + j * n] = lu[k + j * n];
        lu[k + j * n] = t;
      }
      const t = pivot[p];
      pivot[p] = pivot[k];
      pivot[k] = t;
    }
    const diagonal = lu[k + k * n];
    if (diagonal === 0) continue;
    for (let i = k + 1; i < n; i++) lu[i + k * n] /= diagonal;
    for (let j = k + 1; j < n; j++) {
      const factor = lu[k + j * n];
      if (factor === 0) continue;
      for (let i = k + 1; i < n; i++) lu[i + j * n] -= lu[i + k * n] * factor;
    }
  }
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const value = Math.abs(lu[i + i * n]);
    smallest = Math.min(smallest, value);
    largest = Math.max(largest, value);
  }
  const tolerance = options.tolerance ?? 1e-14;
  if (n > 0 && !(smallest > tolerance * largest)) {
    throw new TaceError(
      'SINGULAR_MATRIX',
      `the ${n} x ${n} matrix is singular (pivot ratio ${(smallest / largest).toExponential(2)})`,
      { param: 'a', remedy: 'check for collinear or constant columns, or add a ridge penalty' },
    );
  }
  return { n, lu, pivot };
}

/** Solves L U x = P b in place. */
function luSolve({ n, lu, pivot }: LuFactors, b: Float64Array): void {
  const permuted = Float64Array.from(pivot, (p) => b[p]);
  for (let i = 0; i < n; i++) {
    let sum = permuted[i];
    for (let j = 0; j < i; j++) sum -= lu[i + j * n] * permuted[j];
    permuted[i] = sum;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = permuted[i];
    for (let j = i + 1; j < n; j++) sum -= lu[i + j * n] * permuted[j];
    permuted[i] = sum / lu[i + i * n];
  }
  b.set(permuted);
}
