import { assertSameLength } from '@tace/core';
import { breslowLogLik, MAX_EXPONENT } from './breslow.js';
import { type RiskSetIndex, riskSetIndex } from './risk-sets.js';

/**
 * Breslow partial-likelihood deviance `2 (loglik_saturated - loglik(eta))` of a linear predictor, as
 * glmnet's `coxnet.deviance(pred = eta, y, weights)`: weights (default 1) are rescaled to sum to the number
 * of subjects, and `loglik_saturated = -sum_k d_k log d_k` over the distinct event times with `d_k` the
 * weighted tied events. Build it once per data set; each call is one pass.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` / `LENGTH_MISMATCH` for bad `time` / `event`.
 * @example
 * ```ts
 * const deviance = coxDeviance(time, event);
 * deviance(new Float64Array(time.length)); // null deviance
 * ```
 */
export function coxDeviance(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  weights?: ArrayLike<number>,
): (eta: ArrayLike<number>) => number {
  return breslowDeviance(riskSetIndex(time, event), weights);
}

/** {@link coxDeviance} on a prebuilt {@link RiskSetIndex}; `weights` in the original (unsorted) order. */
export function breslowDeviance(
  index: RiskSetIndex,
  weights?: ArrayLike<number>,
): (eta: ArrayLike<number>) => number {
  const n = index.order.length;
  const q = new Float64Array(n).fill(1);
  if (weights !== undefined) {
    assertSameLength(['weights', weights], ['time', index.order]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i];
    for (let s = 0; s < n; s++) q[s] = (n * weights[index.order[s]]) / sum;
  }
  const dq = Float64Array.from(index.event, (d, s) => d * q[s]);
  const dk = new Float64Array(index.nGroups);
  let saturated = 0;
  for (let k = 0; k < index.nGroups; k++) {
    const first = index.groupStart[k];
    for (let s = first; s < first + index.deaths[k]; s++) dk[k] += dq[s];
    if (dk[k] > 0) saturated -= dk[k] * Math.log(dk[k]);
  }
  const f = new Float64Array(n);
  const e = new Float64Array(n);
  const u = new Float64Array(index.nGroups);
  return (eta) => {
    assertSameLength(['eta', eta], ['time', index.order]);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += eta[i];
    mean /= n;
    for (let s = 0; s < n; s++) {
      const fs = eta[index.order[s]] - mean;
      f[s] = fs;
      e[s] = q[s] * Math.exp(Math.sign(fs) * Math.min(Math.abs(fs), MAX_EXPONENT));
    }
    return 2 * (saturated - breslowLogLik(index, dq, dk, f, e, u));
  };
}
