/**
 * Minimises 0.5 x'Qx - c'x subject to C x >= d (rows of C), Q symmetric positive definite, by a primal
 * active-set method started from a feasible point `x0` (Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * Algorithm 16.3). The problem is strictly convex, so the minimiser is unique: the same as quadprog's
 * `solve.QP` (dual method of Goldfarb & Idnani) or limSolve's `lsei` on the least-squares form. Dense,
 * for small problems (a few dozen variables). @internal
 * @param q - n x n, row-major.
 * @param constraints - m x n, row-major.
 */
export function solveConvexQp(
  q: Float64Array,
  c: Float64Array,
  constraints: Float64Array,
  bounds: Float64Array,
  x0: Float64Array,
): Float64Array {
  const n = c.length;
  const m = bounds.length;
  const x = Float64Array.from(x0);
  const active: number[] = [];
  for (let i = 0; i < m; i++) if (Math.abs(rowDot(constraints, i, n, x) - bounds[i]) <= 1e-14) active.push(i);
  // at most n independent active constraints: drop extras from the end
  while (active.length > n) active.pop();
  const gradient = new Float64Array(n);
  for (let iteration = 0; iteration < 100 * (n + m); iteration++) {
    for (let i = 0; i < n; i++) {
      let s = -c[i];
      for (let j = 0; j < n; j++) s += q[i * n + j] * x[j];
      gradient[i] = s;
    }
    const { step, multipliers } = equalityStep(q, gradient, constraints, active, n);
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(step[i]));
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
    if (norm <= 1e-13 * Math.max(1, scale)) {
      let worst = -1;
      let worstValue = -1e-12;
      for (let a = 0; a < active.length; a++) {
        if (multipliers[a] < worstValue) {
          worstValue = multipliers[a];
          worst = a;
        }
      }
      if (worst < 0) return x;
      active.splice(worst, 1);
      continue;
    }
    let alpha = 1;
    let blocking = -1;
    for (let i = 0; i < m; i++) {
      if (active.includes(i)) continue;
      const cp = rowDot(constraints, i, n, step);
      if (cp >= 0) continue;
      const ratio = (bounds[i] - rowDot(constraints, i, n, x)) / cp;
      if (ratio < alpha) {
        alpha = Math.max(ratio, 0);
        blocking = i;
      }
    }
    for (let i = 0; i < n; i++) x[i] += alpha * step[i];
    if (blocking >= 0) active.push(blocking);
  }
  return x;
}

function rowDot(matrix: Float64Array, row: number, n: number, v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += matrix[row * n + j] * v[j];
  return s;
}

/**
 * Solves the equality-constrained step: min 0.5 p'Qp + g'p s.t. C_W p = 0, through the KKT system
 * [Q C_W'; C_W 0] [p; -lambda] = [-g; 0]; returns p and the multipliers lambda (Q x - c = C_W' lambda).
 */
function equalityStep(
  q: Float64Array,
  gradient: Float64Array,
  constraints: Float64Array,
  active: readonly number[],
  n: number,
): { step: Float64Array; multipliers: Float64Array } {
  const k = active.length;
  const size = n + k;
  const a = new Float64Array(size * size);
  const b = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * size + j] = q[i * n + j];
    b[i] = -gradient[i];
  }
  for (let r = 0; r < k; r++) {
    for (let j = 0; j < n; j++) {
      const v = constraints[active[r] * n + j];
      a[(n + r) * size + j] = v;
      a[j * size + n + r] = v;
    }
  }
  const solution = solveLinear(a, b, size);
  const step = solution.subarray(0, n);
  const multipliers = new Float64Array(k);
  for (let r = 0; r < k; r++) multipliers[r] = -solution[n + r];
  return { step: Float64Array.from(step), multipliers };
}

/** Gaussian elimination with partial pivoting on a copy-free row-major system (a and b are overwritten). */
function solveLinear(a: Float64Array, b: Float64Array, size: number): Float64Array {
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++)
      if (Math.abs(a[r * size + col]) > Math.abs(a[pivot * size + col])) pivot = r;
    if (pivot !== col) {
      for (let j = 0; j < size; j++) {
        const t = a[col * size + j];
        a[col * size + j] = a[pivot * size + j];
        a[pivot * size + j] = t;
      }
      const t = b[col];
      b[col] = b[pivot];
      b[pivot] = t;
    }
    const diag = a[col * size + col];
    if (diag === 0) continue;
    for (let r = col + 1; r < size; r++) {
      const f = a[r * size + col] / diag;
      if (f === 0) continue;
      for (let j = col; j < size; j++) a[r * size + j] -= f * a[col * size + j];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(size);
  for (let r = size - 1; r >= 0; r--) {
    let s = b[r];
    for (let j = r + 1; j < size; j++) s -= a[r * size + j] * x[j];
    const diag = a[r * size + r];
    x[r] = diag === 0 ? 0 : s / diag;
  }
  return x;
}
