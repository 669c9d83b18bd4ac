import type { CoxData, CoxWork } from './cox-data.js';

/**
 * Partial log-likelihood, score vector `work.u` and information matrix `work.imat` (upper triangle filled,
 * then mirrored) at `beta`, with Efron or Breslow handling of tied event times: the same accumulation as
 * R survival's `coxfit6_iter` (one backward pass over the sorted data with running sums).
 */
export function coxIterate(d: CoxData, beta: Float64Array, work: CoxWork): number {
  const { n, p, time, status, x, offset, weight, stratumEnd, efron } = d;
  const { u, imat, a, a2, cmat, cmat2, eta } = work;
  u.fill(0);
  imat.fill(0);
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
      const risk = Math.exp(zbeta) * weight[person];
      const row = person * p;
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const xi = risk * x[row + i];
          a[i] += xi;
          for (let j = 0; j <= i; j++) cmat[i * p + j] += xi * x[row + j];
        }
      } else {
        ndead++;
        deadwt += weight[person];
        denom2 += risk;
        loglik += weight[person] * zbeta;
        for (let i = 0; i < p; i++) {
          u[i] += weight[person] * x[row + i];
          const xi = risk * x[row + i];
          a2[i] += xi;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] += xi * x[row + j];
        }
      }
      person--;
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    if (ndead === 0) continue;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= deadwt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const mean = a[i] / denom;
        u[i] -= deadwt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j];
          imat[j * p + i] += (deadwt * (cmat[i * p + j] - mean * a[j])) / denom;
        }
      }
    } else {
      const wtave = deadwt / ndead;
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= wtave * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] += a2[i] / ndead;
          const mean = a[i] / denom;
          u[i] -= wtave * mean;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] += cmat2[i * p + j] / ndead;
            imat[j * p + i] += (wtave * (cmat[i * p + j] - mean * a[j])) / denom;
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) imat[i * p + j] = imat[j * p + i];
  return loglik;
}
