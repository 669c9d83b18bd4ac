/**
 * nu-support-vector regression with a linear kernel, solved as libsvm 3.x does (`svm_train`, `NU_SVR`:
 * `solve_nu_svr` and `Solver_NU` with its second-order working-set selection and stopping tolerance), without
 * shrinking, kernel values rounded to 32-bit floats as libsvm's kernel cache stores them, (a speed device: the stopping rule and the solution set are the same). Returns the primal weight
 * vector w = sum_i (alpha_i - alpha*_i) x_i (R e1071 `t(model$coefs) %*% model$SV`) and the dual
 * coefficients. @internal
 * @param x - l x p, row-major (one row per observation).
 * @param y - l responses.
 */
export function nuSvrLinear(
  x: Float64Array,
  y: Float64Array,
  p: number,
  nu: number,
  cost = 1,
  tolerance = 1e-3,
): { weights: Float64Array; coefficients: Float64Array; iterations: number } {
  const l = y.length;
  const n = 2 * l;
  // kernel K(i, j) = x_i . x_j, computed once (l x l)
  const kernel = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    for (let j = i; j < l; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += x[i * p + k] * x[j * p + k];
      kernel[i * l + j] = s;
      kernel[j * l + i] = s;
    }
  }
  const sign = (t: number) => (t < l ? 1 : -1);
  const index = (t: number) => (t < l ? t : t - l);
  // libsvm caches kernel rows as 32-bit floats (Qfloat) and keeps the diagonal QD in double
  const kernel32 = Float32Array.from(kernel);
  const q = (i: number, j: number) => sign(i) * sign(j) * kernel32[index(i) * l + index(j)];
  const qd = (i: number) => kernel[index(i) * l + index(i)];
  const labels = new Int8Array(n);
  const linear = new Float64Array(n);
  const alpha = new Float64Array(n);
  let sum = (cost * nu * l) / 2;
  for (let i = 0; i < l; i++) {
    const a = Math.min(sum, cost);
    alpha[i] = a;
    alpha[i + l] = a;
    sum -= a;
    linear[i] = -y[i];
    labels[i] = 1;
    linear[i + l] = y[i];
    labels[i + l] = -1;
  }
  const gradient = Float64Array.from(linear);
  for (let i = 0; i < n; i++) {
    if (alpha[i] === 0) continue;
    for (let j = 0; j < n; j++) gradient[j] += alpha[i] * q(i, j);
  }
  const tau = 1e-12;
  const atUpper = (t: number) => alpha[t] >= cost;
  const atLower = (t: number) => alpha[t] <= 0;
  const maxIterations = Math.max(10_000_000, 100 * l);
  let iteration = 0;
  while (iteration < maxIterations) {
    // Solver_NU::select_working_set
    let gMaxP = Number.NEGATIVE_INFINITY;
    let gMaxP2 = Number.NEGATIVE_INFINITY;
    let ip = -1;
    let gMaxN = Number.NEGATIVE_INFINITY;
    let gMaxN2 = Number.NEGATIVE_INFINITY;
    let iN = -1;
    for (let t = 0; t < n; t++) {
      if (labels[t] === 1) {
        if (!atUpper(t) && -gradient[t] >= gMaxP) {
          gMaxP = -gradient[t];
          ip = t;
        }
      } else if (!atLower(t) && gradient[t] >= gMaxN) {
        gMaxN = gradient[t];
        iN = t;
      }
    }
    let jMin = -1;
    let objMin = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (labels[j] === 1) {
        if (atLower(j)) continue;
        const gradDiff = gMaxP + gradient[j];
        if (gradient[j] >= gMaxP2) gMaxP2 = gradient[j];
        if (gradDiff > 0 && ip !== -1) {
          const quad = qd(ip) + qd(j) - 2 * q(ip, j);
          const obj = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / tau;
          if (obj <= objMin) {
            jMin = j;
            objMin = obj;
          }
        }
      } else {
        if (atUpper(j)) continue;
        const gradDiff = gMaxN - gradient[j];
        if (-gradient[j] >= gMaxN2) gMaxN2 = -gradient[j];
        if (gradDiff > 0 && iN !== -1) {
          const quad = qd(iN) + qd(j) - 2 * q(iN, j);
          const obj = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / tau;
          if (obj <= objMin) {
            jMin = j;
            objMin = obj;
          }
        }
      }
    }
    if (Math.max(gMaxP + gMaxP2, gMaxN + gMaxN2) < tolerance || jMin === -1) break;
    const i = labels[jMin] === 1 ? ip : iN;
    const j = jMin;
    iteration++;
    // Solver::Solve update, y[i] == y[j]
    const oldI = alpha[i];
    const oldJ = alpha[j];
    let quad = qd(i) + qd(j) - 2 * q(i, j);
    if (quad <= 0) quad = tau;
    const delta = (gradient[i] - gradient[j]) / quad;
    const total = alpha[i] + alpha[j];
    alpha[i] -= delta;
    alpha[j] += delta;
    if (total > cost) {
      if (alpha[i] > cost) {
        alpha[i] = cost;
        alpha[j] = total - cost;
      }
    } else if (alpha[j] < 0) {
      alpha[j] = 0;
      alpha[i] = total;
    }
    if (total > cost) {
      if (alpha[j] > cost) {
        alpha[j] = cost;
        alpha[i] = total - cost;
      }
    } else if (alpha[i] < 0) {
      alpha[i] = 0;
      alpha[j] = total;
    }
    const dI = alpha[i] - oldI;
    const dJ = alpha[j] - oldJ;
    // Q(t, k) = sign(t) sign(k) K(t, k): one pass over the l kernel columns updates both halves
    const rowI = index(i) * l;
    const rowJ = index(j) * l;
    const sI = sign(i) * dI;
    const sJ = sign(j) * dJ;
    for (let k = 0; k < l; k++) {
      const change = sI * kernel32[rowI + k] + sJ * kernel32[rowJ + k];
      gradient[k] += change;
      gradient[k + l] -= change;
    }
  }
  const coefficients = new Float64Array(l);
  for (let i = 0; i < l; i++) coefficients[i] = alpha[i] - alpha[i + l];
  const weights = new Float64Array(p);
  for (let i = 0; i < l; i++) {
    if (coefficients[i] === 0) continue;
    for (let k = 0; k < p; k++) weights[k] += coefficients[i] * x[i * p + k];
  }
  return { weights, coefficients, iterations: iteration };
}
