import type { CoxData, CoxWork } from './cox-data.js';
import { addTiedDeaths } from './tied-deaths.js';

/**
 * Partial log-likelihood, score vector `work.u` and information matrix `work.imat` (full p x p) at `beta`,
 * with Efron or Breslow handling of tied event times, as R survival's `coxfit6_iter`.
 *
 * The information is accumulated in two passes instead of R's one: with d_k the (Efron-step) risk-set
 * sums and a_k the risk-weighted covariate sums at each event time,
 *   I = sum_k wbar (C_k / d_k - a_k a_k' / d_k^2),  C_k = sum_{j in R_k} r_j x_j x_j',
 * and sum_k (wbar / d_k) C_k = sum_j r_j Lambda_j x_j x_j', Lambda_j the (Efron-share) cumulative hazard
 * of subject j. So a backward pass accumulates the risk sets, the log-likelihood, the score and the
 * a_k a_k' terms, and a forward pass adds r_j Lambda_j x_j x_j': one p x p update per subject and one per
 * event step, instead of three.
 */
export function coxIterate(d: CoxData, beta: Float64Array, work: CoxWork): number {
  const { n, p, time, status, x, offset, weight, stratumEnd, efron } = d;
  const { u, imat, a, a2, tied, eta, risk, eventIndex, hazard, hazardDeath } = work;
  const ipack = work.imatPacked;
  u.fill(0);
  ipack.fill(0);
  for (let i = 0; i < n; i++) {
    let z = offset[i];
    const row = i * p;
    for (let k = 0; k < p; k++) z += beta[k] * x[row + k];
    eta[i] = z;
    risk[i] = Math.exp(z) * weight[i];
  }
  let loglik = 0;
  let denom = 0;
  let m = 0; // event times seen so far (numbered backwards)
  for (let person = n - 1; person >= 0; ) {
    if (stratumEnd[person] === 1) {
      denom = 0;
      a.fill(0);
    }
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    a2.fill(0);
    const last = person;
    while (person >= 0 && time[person] === dtime) {
      const r = risk[person];
      const row = person * p;
      if (status[person] === 0) {
        denom += r;
        for (let i = 0; i < p; i++) a[i] += r * x[row + i];
      } else {
        const wt = weight[person];
        ndead++;
        deadwt += wt;
        denom2 += r;
        loglik += wt * eta[person];
        for (let i = 0; i < p; i++) {
          u[i] += wt * x[row + i];
          a2[i] += r * x[row + i];
        }
      }
      person--;
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    if (ndead === 0) {
      for (let k = person + 1; k <= last; k++) eventIndex[k] = -1;
      continue;
    }
    addTiedDeaths(denom, denom2, a, a2, ndead, deadwt, efron, u, ipack, tied);
    loglik += tied[0];
    hazard[m] = tied[1];
    hazardDeath[m] = tied[2];
    for (let k = person + 1; k <= last; k++) eventIndex[k] = m;
    m++;
    denom += denom2;
    for (let i = 0; i < p; i++) a[i] += a2[i];
  }
  // forward pass: cumulative hazard within strata, then r_j Lambda_j x_j x_j'
  let cum = 0;
  for (let j = 0; j < n; j++) {
    if (j === 0 || stratumEnd[j - 1] === 1) cum = 0;
    const e = eventIndex[j];
    let lambda = cum;
    if (e >= 0) {
      lambda = status[j] === 1 ? cum + hazardDeath[e] : cum + hazard[e];
      // the last row of a time block moves the running hazard past this event time
      if (j === n - 1 || time[j + 1] !== time[j] || stratumEnd[j] === 1) cum += hazard[e];
    }
    const c = risk[j] * lambda;
    if (c === 0) continue;
    const row = j * p;
    for (let i = 0, idx = 0; i < p; i++) {
      const ci = c * x[row + i];
      for (let k = 0; k <= i; k++, idx++) ipack[idx] += ci * x[row + k];
    }
  }
  for (let i = 0, idx = 0; i < p; i++) {
    for (let j = 0; j <= i; j++, idx++) {
      imat[i * p + j] = ipack[idx];
      imat[j * p + i] = ipack[idx];
    }
  }
  return loglik;
}
