import type { CoxData, CoxWork } from './cox-data.js';

/**
 * Partial log-likelihood, score vector `work.u` and information matrix `work.imat` (full p x p) at `beta`,
 * with Efron or Breslow handling of tied event times: the same accumulation as R survival's
 * `coxfit6_iter` (one backward pass over the sorted data with running sums). The running sums of x x' are
 * kept as packed lower triangles (row i holds columns 0..i) so the hot loop walks one index.
 */
export function coxIterate(d: CoxData, beta: Float64Array, work: CoxWork): number {
  const { n, p, time, status, x, offset, weight, stratumEnd, efron } = d;
  const { u, imat, a, a2, cmat, cmat2, eta } = work;
  const ipack = work.imatPacked;
  u.fill(0);
  ipack.fill(0);
  a2.fill(0);
  cmat2.fill(0);
  for (let i = 0; i < n; i++) {
    let z = offset[i];
    const row = i * p;
    for (let k = 0; k < p; k++) z += beta[k] * x[row + k];
    eta[i] = z;
  }
  let loglik = 0;
  let denom = 0;
  for (let person = n - 1; person >= 0; ) {
    if (stratumEnd[person] === 1) {
      denom = 0;
      a.fill(0);
      cmat.fill(0);
    }
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      const zbeta = eta[person];
      const wt = weight[person];
      const risk = Math.exp(zbeta) * wt;
      const row = person * p;
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0, idx = 0; i < p; i++) {
          const xi = risk * x[row + i];
          a[i] += xi;
          for (let j = 0; j <= i; j++, idx++) cmat[idx] += xi * x[row + j];
        }
      } else {
        ndead++;
        deadwt += wt;
        denom2 += risk;
        loglik += wt * zbeta;
        for (let i = 0, idx = 0; i < p; i++) {
          const xv = x[row + i];
          u[i] += wt * xv;
          const xi = risk * xv;
          a2[i] += xi;
          for (let j = 0; j <= i; j++, idx++) cmat2[idx] += xi * x[row + j];
        }
      }
      person--;
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    if (ndead === 0) continue;
    const steps = !efron || ndead === 1 ? 1 : ndead;
    const wtave = deadwt / steps;
    for (let k = 0; k < steps; k++) {
      denom += denom2 / steps;
      loglik -= wtave * Math.log(denom);
      for (let i = 0, idx = 0; i < p; i++) {
        a[i] += a2[i] / steps;
        const mean = a[i] / denom;
        u[i] -= wtave * mean;
        for (let j = 0; j <= i; j++, idx++) {
          cmat[idx] += cmat2[idx] / steps;
          ipack[idx] += (wtave * (cmat[idx] - mean * a[j])) / denom;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  for (let i = 0, idx = 0; i < p; i++) {
    for (let j = 0; j <= i; j++, idx++) {
      imat[i * p + j] = ipack[idx];
      imat[j * p + i] = ipack[idx];
    }
  }
  return loglik;
}
