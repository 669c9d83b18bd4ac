import type { RiskSetIndex } from './risk-sets.js';

/** Largest exponent used for `exp(eta)`, as glmnet (`log(huge * 0.1)`): linear predictors are clamped to it. */
export const MAX_EXPONENT = Math.log(Number.MAX_VALUE * 0.1);

/**
 * Risk-set sums `u[k] = sum_{p >= groupStart[k]} e[p]` of the sorted weights `e`, in one backward pass.
 * Writes `u` (length `nGroups`).
 */
export function riskSetSums(index: RiskSetIndex, e: Float64Array, u: Float64Array): void {
  const { groupStart, nGroups } = index;
  let h = 0;
  for (let k = nGroups - 1; k >= 0; k--) {
    for (let p = groupStart[k + 1] - 1; p >= groupStart[k]; p--) h += e[p];
    u[k] = h;
  }
}

/**
 * Breslow log partial likelihood `sum_i d_i f_i - sum_k dk_k log u_k` for sorted linear predictor `f`,
 * sorted weights `e = q exp(f)`, event weights `dq` and tied-event weights `dk` (glmnet's `risk`).
 * `u` is scratch of length `nGroups`.
 */
export function breslowLogLik(
  index: RiskSetIndex,
  dq: Float64Array,
  dk: Float64Array,
  f: Float64Array,
  e: Float64Array,
  u: Float64Array,
): number {
  riskSetSums(index, e, u);
  let sum = 0;
  for (let p = index.groupStart[0]; p < f.length; p++) sum += dq[p] * f[p];
  for (let k = 0; k < index.nGroups; k++) sum -= dk[k] * Math.log(u[k]);
  return sum;
}

/**
 * Gradient and diagonal Hessian of the Breslow log partial likelihood with respect to the linear predictor
 * (glmnet's `outer`): `wr[p] = dq[p] - e[p] * b_p` and `w[p] = e[p] (b_p - e[p] c_p)` with
 * `b_p = sum_{k: t_k <= t_p} dk_k / u_k`, `c_p = sum dk_k / u_k^2`. One forward pass after the risk sums.
 * @returns false when a weight is not positive (overflow of `exp`), true otherwise.
 */
export function breslowWorkingWeights(
  index: RiskSetIndex,
  dq: Float64Array,
  dk: Float64Array,
  e: Float64Array,
  u: Float64Array,
  wr: Float64Array,
  w: Float64Array,
): boolean {
  riskSetSums(index, e, u);
  const { groupStart, nGroups } = index;
  let b = 0;
  let c = 0;
  for (let k = 0; k < nGroups; k++) {
    b += dk[k] / u[k];
    c += dk[k] / (u[k] * u[k]);
    for (let p = groupStart[k]; p < groupStart[k + 1]; p++) {
      const wp = e[p] * (b - e[p] * c);
      if (!(wp > 0)) return false;
      w[p] = wp;
      wr[p] = dq[p] - e[p] * b;
    }
  }
  return true;
}
