/**
 * Eigen-decomposition of a real symmetric matrix (the toolkit's one eigen solver): Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with shifts (Golub & Van Loan, Matrix Computations, 8.3;
 * EISPACK's `tred2` / `tql2`). O(n^3); no allocation beyond two length-n arrays.
 *
 * `a` (n x n, full symmetric storage) is overwritten: it holds the eigenvectors while they are accumulated.
 * `values` receives the eigenvalues in decreasing order (as R `eigen()`); `vectors`, when given, receives the
 * unit eigenvectors column-major (column k belongs to `values[k]`; signs are arbitrary, as LAPACK's). Entries are
 * NaN if QL does not converge within 30 n iterations (never seen on finite input).
 *
 * @example const values = new Float64Array(2); symmetricEigenDecompose(Float64Array.from([2, 1, 1, 2]), 2, values, null); values // [3, 1]
 */
export function symmetricEigenDecompose(
  a: Float64Array,
  n: number,
  values: Float64Array,
  vectors: Float64Array | null,
): void {
  if (n === 0) return;
  // Scale by a power of two (exact) so the largest entry is near 1: no underflow in the Householder steps.
  let largest = 0;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.abs(a[i]));
  const exponent = largest > 0 && Number.isFinite(largest) ? -Math.round(Math.log2(largest)) : 0;
  const scale = 2 ** Math.max(-1000, Math.min(1000, exponent));
  // Entries below eps^2 of the largest are flushed to zero: far below the algorithm's backward error (eps times
  // the norm), and denormal ones would otherwise underflow the Householder and QL steps.
  const negligible = largest * scale * Number.EPSILON * Number.EPSILON;
  for (let i = 0; i < n * n; i++) {
    const x = a[i] * scale;
    a[i] = Math.abs(x) < negligible ? 0 : x;
  }
  const d = values;
  const e = new Float64Array(n);
  tridiagonalize(a, n, d, e, vectors !== null);
  const converged = tridiagonalQl(a, n, d, e, vectors !== null);
  if (!converged) {
    d.fill(Number.NaN);
    vectors?.fill(Number.NaN);
    return;
  }
  if (scale !== 1) for (let i = 0; i < n; i++) d[i] /= scale;
  sortDecreasing(a, n, d, vectors !== null);
  if (vectors !== null) vectors.set(a.subarray(0, n * n));
}

/**
 * Householder tridiagonalisation (tred2) of `v` (column-major; v[i + j n] = V[i][j]), accumulating the transforms
 * in `v` when `withVectors` (eigenvalues alone need only the diagonal and off-diagonal).
 */
function tridiagonalize(
  v: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
  withVectors: boolean,
): void {
  for (let j = 0; j < n; j++) d[j] = v[n - 1 + j * n];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[i - 1 + j * n];
        v[i + j * n] = 0;
        v[j + i * n] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[j + i * n] = f;
        g = e[j] + v[j + j * n] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k + j * n] * d[k];
          e[k] += v[k + j * n] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[k + j * n] -= f * e[k] + g * d[k];
        d[j] = v[i - 1 + j * n];
        v[i + j * n] = 0;
      }
    }
    d[i] = h;
  }
  if (!withVectors) {
    for (let j = 0; j < n; j++) d[j] = v[j + j * n];
    e[0] = 0;
    return;
  }
  for (let i = 0; i < n - 1; i++) {
    v[n - 1 + i * n] = v[i + i * n];
    v[i + i * n] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k + (i + 1) * n] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k + (i + 1) * n] * v[k + j * n];
        for (let k = 0; k <= i; k++) v[k + j * n] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[k + (i + 1) * n] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[n - 1 + j * n];
    v[n - 1 + j * n] = 0;
  }
  v[n - 1 + (n - 1) * n] = 1;
  e[0] = 0;
}

/** Implicit QL (tql2) on the tridiagonal (d, e), rotating the columns of `v` when `withVectors`. */
function tridiagonalQl(
  v: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
  withVectors: boolean,
): boolean {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  let budget = 30 * n;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      do {
        if (budget-- === 0) return false;
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (withVectors) {
            const left = i * n;
            const right = (i + 1) * n;
            for (let k = 0; k < n; k++) {
              h = v[right + k];
              v[right + k] = s * v[left + k] + c * h;
              v[left + k] = c * v[left + k] - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  return true;
}

/** Selection sort of the eigenvalues into decreasing order, swapping the columns of `v` along. */
function sortDecreasing(v: Float64Array, n: number, d: Float64Array, withVectors: boolean): void {
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[k]) k = j;
    if (k === i) continue;
    const t = d[k];
    d[k] = d[i];
    d[i] = t;
    if (withVectors) {
      for (let r = 0; r < n; r++) {
        const x = v[r + i * n];
        v[r + i * n] = v[r + k * n];
        v[r + k * n] = x;
      }
    }
  }
}

/** sqrt(a^2 + b^2) without underflow or overflow (a two-argument Math.hypot, which is slow in V8). */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const m = Math.max(x, y);
  if (m === 0 || m === Number.POSITIVE_INFINITY) return m;
  const u = x / m;
  const w = y / m;
  return m * Math.sqrt(u * u + w * w);
}
