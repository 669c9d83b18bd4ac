import type { CoxData, CoxWork } from './cox-data.js';
import { addTiedDeaths } from './tied-deaths.js';

/**
 * Partial log-likelihood, score `work.u` and information `work.imat` at `beta` for counting-process
 * (start, stop] data, as R survival's `agfit4`: subject j is at risk at an event time t of its stratum
 * when start_j < t <= stop_j. `d.start` holds the starts in the sorted (stratum, stop) order; Efron or
 * Breslow ties among events at the same stop time.
 *
 * One backward pass over the stop times adds rows as their stop is reached and removes them once the
 * event time is at or before their start (rows sorted by start); the information's sum_k (wbar / d_k) C_k
 * term is then sum_j r_j (Lambda(stop_j) - Lambda(start_j)) x_j x_j' (Efron share at a subject's own
 * event), added in a second pass, as {@link coxIterate} does for right-censored data.
 */
export function coxIterateCounting(d: CoxData, beta: Float64Array, work: CoxWork): number {
  const { n, p, time, status, x, offset, weight, strata, efron } = d;
  const start = d.start as Float64Array;
  const { u, imat, a, a2, tied, eta, risk, hazard, hazardDeath } = work;
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
  const byStart = startOrder(d);
  const eventTime: number[] = [];
  const eventStratum: number[] = [];
  let loglik = 0;
  let denom = 0;
  let m = 0;
  let ptr = n - 1; // next row (in start order, descending) to leave the risk set
  for (let person = n - 1; person >= 0; ) {
    const s = strata[person];
    if (person === n - 1 || strata[person + 1] !== s) {
      denom = 0;
      a.fill(0);
      while (ptr >= 0 && strata[byStart[ptr]] > s) ptr--;
    }
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    a2.fill(0);
    while (person >= 0 && strata[person] === s && time[person] === dtime) {
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
    }
    if (ndead === 0) continue;
    // rows that start at or after this time are not at risk
    while (ptr >= 0 && strata[byStart[ptr]] === s && start[byStart[ptr]] >= dtime) {
      const j = byStart[ptr];
      const r = risk[j];
      const row = j * p;
      if (time[j] === dtime && status[j] === 1) {
        denom2 -= r;
        for (let i = 0; i < p; i++) a2[i] -= r * x[row + i];
      } else {
        denom -= r;
        for (let i = 0; i < p; i++) a[i] -= r * x[row + i];
      }
      ptr--;
    }
    addTiedDeaths(denom, denom2, a, a2, ndead, deadwt, efron, u, ipack, tied);
    loglik += tied[0];
    hazard[m] = tied[1];
    hazardDeath[m] = tied[2];
    eventTime.push(dtime);
    eventStratum.push(s);
    m++;
    denom += denom2;
    for (let i = 0; i < p; i++) a[i] += a2[i];
  }
  addHazardTerms(d, work, eventTime, eventStratum, m);
  for (let i = 0, idx = 0; i < p; i++) {
    for (let j = 0; j <= i; j++, idx++) {
      imat[i * p + j] = ipack[idx];
      imat[j * p + i] = ipack[idx];
    }
  }
  return loglik;
}

/** Rows (sorted-data indices) ordered by stratum, then start. */
function startOrder(d: CoxData): Int32Array {
  const start = d.start as Float64Array;
  const idx = Int32Array.from({ length: d.n }, (_, i) => i);
  idx.sort((i, j) => d.strata[i] - d.strata[j] || start[i] - start[j] || i - j);
  return idx;
}

/**
 * Adds sum_j r_j (Lambda(stop_j) - Lambda(start_j)) x_j x_j' to the packed information, with the Efron
 * share at a subject's own event. Event steps were recorded backwards (latest first).
 */
function addHazardTerms(
  d: CoxData,
  work: CoxWork,
  eventTime: number[],
  eventStratum: number[],
  m: number,
): void {
  const { n, p, time, status, x, strata } = d;
  const start = d.start as Float64Array;
  const { risk, hazard, hazardDeath } = work;
  const ipack = work.imatPacked;
  // ascending event times with cumulative hazard within stratum: cum[k] = sum of hazards of events <= k
  const at = new Float64Array(m);
  const st = new Int32Array(m);
  const cum = new Float64Array(m);
  const hz = new Float64Array(m);
  const hzDeath = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const b = m - 1 - k;
    at[k] = eventTime[b];
    st[k] = eventStratum[b];
    hz[k] = hazard[b];
    hzDeath[k] = hazardDeath[b];
    cum[k] = hz[k] + (k > 0 && st[k - 1] === st[k] ? cum[k - 1] : 0);
  }
  // last event index with (stratum, time) <= (s, t)
  const upTo = (s: number, t: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (st[mid] < s || (st[mid] === s && at[mid] <= t)) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    return k >= 0 && st[k] === s ? k : -1;
  };
  for (let j = 0; j < n; j++) {
    const s = strata[j];
    const kStop = upTo(s, time[j]);
    if (kStop < 0) continue;
    let lambda = cum[kStop];
    if (status[j] === 1 && at[kStop] === time[j]) lambda += hzDeath[kStop] - hz[kStop];
    const kStart = upTo(s, start[j]);
    if (kStart >= 0) lambda -= cum[kStart];
    const c = risk[j] * lambda;
    if (c === 0) continue;
    const row = j * p;
    for (let i = 0, idx = 0; i < p; i++) {
      const ci = c * x[row + i];
      for (let k = 0; k <= i; k++, idx++) ipack[idx] += ci * x[row + k];
    }
  }
}
