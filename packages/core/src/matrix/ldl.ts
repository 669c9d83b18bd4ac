/**
 * The generalised Cholesky decomposition L D L' of a symmetric positive semi-definite n x n matrix, as R
 * survival's `cholesky2` / `chsolve2` / `chinv2` (the toolkit's one Cholesky): a pivot below `tolerance` times
 * the largest diagonal entry is set to zero and its column dropped, so singular matrices decompose and solve
 * with the aliased directions at zero. The matrix is symmetric, so row- and column-major storage coincide;
 * the upper triangle is read and L is written below the diagonal, D on it.
 */

/**
 * Decomposes `m` (n x n, symmetric, full storage) in place into L (strict lower triangle, unit diagonal) and D
 * (diagonal). R survival's `coxph` uses `tolerance` = `.Machine$double.eps^0.75` (about 1.8e-12).
 * @returns the rank; negated when the matrix is not positive semi-definite.
 * @example const m = Float64Array.from([4, 2, 2, 3]); ldlDecompose(m, 2, 1e-12) // 2; m = [4, 2, 0.5, 2]
 */
export function ldlDecompose(m: Float64Array, n: number, tolerance: number): number {
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

/**
 * Solves (L D L') x = b in place for a matrix decomposed by {@link ldlDecompose}; the entries of dropped
 * (singular) columns come out 0, as R's `chsolve2`.
 * @example const m = Float64Array.from([4, 2, 2, 3]); ldlDecompose(m, 2, 1e-12); const b = Float64Array.from([1, 1]); ldlSolve(m, 2, b) // b = [0.125, 0.25]
 */
export function ldlSolve(m: Float64Array, n: number, b: Float64Array): void {
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
 * The inverse of a matrix decomposed by {@link ldlDecompose}, as a new full symmetric n x n matrix; the rows and
 * columns of dropped (singular) columns are zero, as R's `chinv2`.
 * @example const m = Float64Array.from([4, 2, 2, 3]); ldlDecompose(m, 2, 1e-12); ldlInverse(m, 2) // [0.375, -0.25, -0.25, 0.5]
 */
export function ldlInverse(m: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    if (m[c * n + c] === 0) continue;
    e.fill(0);
    e[c] = 1;
    ldlSolve(m, n, e);
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
