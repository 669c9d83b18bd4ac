import { type RandomSource, toRng } from '@tace/core';
import { symmetricEigenDecompose } from '@tace/core/kernels';

/** Options of {@link topEigenpairs}. */
export interface TopEigenOptions {
  /** Stop when every wanted Ritz pair has residual <= `tolerance` x the largest Ritz value. @default 1e-11 */
  tolerance?: number;
  /** Seed or generator of the starting vector. @default 1 */
  seed?: RandomSource;
}

/** The k largest eigenpairs of a symmetric positive semi-definite operator. */
export interface TopEigenpairs {
  /** Eigenvalues, decreasing. */
  values: Float64Array;
  /** Unit eigenvectors, column-major (dim x k); column j has its largest-magnitude entry positive. */
  vectors: Float64Array;
  /** Lanczos steps taken. */
  steps: number;
}

/**
 * The `k` largest eigenpairs of a symmetric positive semi-definite linear operator `apply(x, out)` of dimension
 * `dim` (never formed): Lanczos with full re-orthogonalisation (one or two Gram-Schmidt passes per step), extended until
 * every wanted Ritz pair has converged (residual below `tolerance` times the largest Ritz value) or the Krylov
 * space is the whole space (then the result is exact). Breakdown (an invariant subspace) continues from a new
 * random vector orthogonal to the basis. O(steps x (cost of apply + dim x steps)).
 *
 * @example topEigenpairs((x, out) => { out[0] = 2 * x[0]; out[1] = x[1]; }, 2, 1).values // [2]
 */
export function topEigenpairs(
  apply: (x: Float64Array, out: Float64Array) => void,
  dim: number,
  k: number,
  options: TopEigenOptions = {},
): TopEigenpairs {
  const tolerance = options.tolerance ?? 1e-11;
  const rng = toRng(options.seed ?? 1);
  const maxSteps = dim;
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  const w = new Float64Array(dim);
  let v = randomUnitOrthogonal(basis, dim, rng);
  let nextCheck = Math.min(dim, k + 1);
  let ritz: Ritz = { theta: new Float64Array(0), s: new Float64Array(0), m: 0 };
  for (let m = 1; m <= maxSteps; m++) {
    basis.push(v);
    apply(v, w);
    let a = 0;
    for (let i = 0; i < dim; i++) a += w[i] * v[i];
    alpha.push(a);
    // Three-term recurrence, then full re-orthogonalisation against the basis: one classical Gram-Schmidt
    // pass, a second when the first removed much of w (Kahan-Parlett "twice is enough").
    const previous = m >= 2 ? basis[m - 2] : null;
    const bPrevious = m >= 2 ? beta[m - 2] : 0;
    for (let i = 0; i < dim; i++) w[i] -= a * v[i] + (previous === null ? 0 : bPrevious * previous[i]);
    const before = norm(w);
    orthogonalize(w, basis);
    let b = norm(w);
    if (b < 0.7 * before) {
      orthogonalize(w, basis);
      b = norm(w);
    }
    // Ritz values cost O(m^3): test convergence every 5 steps early, then every m/8 steps (geometric spacing
    // keeps the total at a constant times the last test's cost).
    const check = m >= nextCheck || m === maxSteps;
    if (check) nextCheck = m + Math.max(5, Math.floor(m / 8));
    if (check) {
      ritz = tridiagonalEigen(alpha, beta, m);
      const scale = Math.max(ritz.theta[0], Number.MIN_VALUE);
      let converged = m >= k;
      for (let j = 0; j < Math.min(k, m) && converged; j++)
        if (b * Math.abs(ritz.s[m - 1 + j * m]) > tolerance * scale) converged = false;
      if (converged || m === maxSteps) break;
    }
    if (b <= 1e-13 * Math.max(1, Math.abs(alpha[0]))) {
      beta.push(0);
      v = randomUnitOrthogonal(basis, dim, rng);
    } else {
      beta.push(b);
      v = Float64Array.from(w, (x) => x / b);
    }
  }
  const m = ritz.m;
  const kk = Math.min(k, m);
  const values = ritz.theta.slice(0, kk);
  const vectors = new Float64Array(dim * kk);
  for (let j = 0; j < kk; j++) {
    const col = vectors.subarray(j * dim, (j + 1) * dim);
    for (let l = 0; l < m; l++) {
      const c = ritz.s[l + j * m];
      const q = basis[l];
      for (let i = 0; i < dim; i++) col[i] += c * q[i];
    }
    let norm = 0;
    let largest = 0;
    for (let i = 0; i < dim; i++) {
      norm += col[i] * col[i];
      if (Math.abs(col[i]) > Math.abs(largest)) largest = col[i];
    }
    const f = (largest < 0 ? -1 : 1) / Math.sqrt(norm);
    for (let i = 0; i < dim; i++) col[i] *= f;
  }
  return { values, vectors, steps: m };
}

interface Ritz {
  theta: Float64Array;
  s: Float64Array;
  m: number;
}

function tridiagonalEigen(alpha: number[], beta: number[], m: number): Ritz {
  const t = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    t[i + i * m] = alpha[i];
    if (i + 1 < m) {
      t[i + (i + 1) * m] = beta[i];
      t[i + 1 + i * m] = beta[i];
    }
  }
  const theta = new Float64Array(m);
  const s = new Float64Array(m * m);
  symmetricEigenDecompose(t, m, theta, s);
  return { theta, s, m };
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** One pass of re-orthogonalisation of v against the (orthonormal) basis (modified Gram-Schmidt order). */
function orthogonalize(v: Float64Array, basis: Float64Array[]): void {
  const dim = v.length;
  for (let l = 0; l < basis.length; l++) {
    const q = basis[l];
    let dot = 0;
    for (let i = 0; i < dim; i++) dot += v[i] * q[i];
    for (let i = 0; i < dim; i++) v[i] -= dot * q[i];
  }
}

function randomUnitOrthogonal(
  basis: Float64Array[],
  dim: number,
  rng: ReturnType<typeof toRng>,
): Float64Array {
  const v = new Float64Array(dim);
  for (;;) {
    for (let i = 0; i < dim; i++) v[i] = rng.nextFloat() - 0.5;
    orthogonalize(v, basis);
    orthogonalize(v, basis);
    const length = norm(v);
    if (length > 1e-8) {
      for (let i = 0; i < dim; i++) v[i] /= length;
      return v;
    }
  }
}
