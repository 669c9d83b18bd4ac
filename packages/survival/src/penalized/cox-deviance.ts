import { assertSameLength } from '@tace/core';
import { breslowLogLik, MAX_EXPONENT } from './breslow.js';
import { type RiskSetIndex, riskSetIndex } from './risk-sets.js';

/**
 * Breslow partial-likelihood deviance `2 (loglik_saturated - loglik(eta))` of a linear predictor, with unit
 * weights, as glmnet's `coxnet.deviance(pred = eta, y)`; `loglik_saturated = -sum_k d_k log d_k` over the
 * distinct event times with `d_k` tied events. Build it once per data set; each call is one pass.
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
): (eta: ArrayLike<number>) => number {
  const index = riskSetIndex(time, event);
  return breslowDeviance(index);
}

/** {@link coxDeviance} on a prebuilt {@link RiskSetIndex}. */
export function breslowDeviance(index: RiskSetIndex): (eta: ArrayLike<number>) => number {
  const n = index.order.length;
  const f = new Float64Array(n);
  const e = new Float64Array(n);
  const u = new Float64Array(index.nGroups);
  let saturated = 0;
  for (let k = 0; k < index.nGroups; k++) saturated -= index.deaths[k] * Math.log(index.deaths[k]);
  return (eta) => {
    assertSameLength(['eta', eta], ['time', index.order]);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += eta[i];
    mean /= n;
    for (let s = 0; s < n; s++) {
      const fs = eta[index.order[s]] - mean;
      f[s] = fs;
      e[s] = Math.exp(Math.sign(fs) * Math.min(Math.abs(fs), MAX_EXPONENT));
    }
    return 2 * (saturated - breslowLogLik(index, index.event, index.deaths, f, e, u));
  };
}
