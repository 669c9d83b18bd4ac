/**
 * Symmetric positive semi-definite matrices (row-major `Float64Array`, n x n): a generalised Cholesky
 * decomposition LDL' that tolerates singular matrices as R survival's `cholesky2` / `chsolve2` / `chinv2`
 * do: a pivot below `tolerance` times the largest diagonal is set to zero and the column is dropped.
 */

/**
 * Decomposes `m` in place into L (strict lower triangle, unit diagonal) and D (diagonal).
 * @returns the rank; negative when the matrix is not positive semi-definite.
 */
export function choleskyDecompose(m: Float64Array, n: number, tolerance: number): number {
  let eps = 0;
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > eps) eps = m[i * n + i];
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
  eps = eps === 0 ? tolerance : eps * tolerance;
  let rank = 0;
  let nonneg = 1;
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const temp = m[j * n + i] / pivot;
      m[j * n + i] = temp;
      m[j * n + j] -= temp * temp * pivot;
      for (let k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
    }
  }
  return rank * nonneg;
}

/** Solves (L D L') x = b in place for a matrix decomposed by {@link choleskyDecompose} (dropped columns -> 0). */
export function choleskySolve(m: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let temp = b[i];
    for (let j = 0; j < i; j++) temp -= b[j] * m[i * n + j];
    b[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    const d = m[i * n + i];
    if (d === 0) b[i] = 0;
    else {
      let temp = b[i] / d;
      for (let j = i + 1; j < n; j++) temp -= b[j] * m[j * n + i];
      b[i] = temp;
    }
  }
}

/**
 * Inverse of a decomposed matrix, returned as a new full symmetric matrix; rows/columns of dropped
 * (singular) columns are zero, as R's `chinv2`.
 */
export function choleskyInverse(m: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    if (m[c * n + c] === 0) continue;
    e.fill(0);
    e[c] = 1;
    choleskySolve(m, n, e);
    for (let r = 0; r < n; r++) out[r * n + c] = m[r * n + r] === 0 ? 0 : e[r];
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (out[i * n + j] + out[j * n + i]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/**
 * Solves the symmetric system `a x = b` (a not modified) with the generalised Cholesky above.
 * @returns x, and the rank of `a`.
 */
export function solveSymmetric(
  a: Float64Array,
  n: number,
  b: ArrayLike<number>,
  tolerance = 1e-10,
): { x: Float64Array; rank: number } {
  const m = new Float64Array(a);
  const rank = choleskyDecompose(m, n, tolerance);
  const x = Float64Array.from(b);
  choleskySolve(m, n, x);
  return { x, rank };
}
