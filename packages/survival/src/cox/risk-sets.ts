import type { CoxData } from './cox-data.js';

/**
 * Per distinct event time (within strata, ascending): the hazard increment and covariate means of the
 * fitted model, with Efron's correction for tied events. The basis of residuals, baseline hazard and
 * the proportional-hazards test, as R survival's `coxscore2`, `coxmart` and `agsurv` compute them.
 */
export interface RiskSetSummary {
  /** Number of distinct event times (all strata). */
  m: number;
  /** Event time, stratum and total case weight of events, per event time. */
  time: Float64Array;
  strata: Int32Array;
  /** Hazard increment sum_k wbar / d_k (Efron) or deadwt / d (Breslow). */
  hazard: Float64Array;
  /** The part of the increment that applies to the subjects who fail then: sum_k f_k wbar / d_k. */
  hazardDeath: Float64Array;
  /** Variance part of the increment: sum_k wbar / d_k^2 (R `agsurv`'s `varhaz`). */
  hazardVar: Float64Array;
  /** m x p: sum_k (wbar / d_k) xbar_k. */
  xHazard: Float64Array;
  /** m x p: sum_k f_k (wbar / d_k) xbar_k. */
  xHazardDeath: Float64Array;
  /** m x p: mean over the Efron steps of xbar_k (the mean used by Schoenfeld residuals). */
  xbar: Float64Array;
  /** Per sorted row: index of the last event time <= its time in its stratum, or -1. */
  lastEvent: Int32Array;
  /** Counting-process fits: per sorted row, the last event time <= its start (-1 when none). */
  startEvent?: Int32Array;
  /** Optional information blocks for the PH test: sum V_j, sum g_j V_j, sum g_j^2 V_j (p x p each). */
  zph?: { i11: Float64Array; i12: Float64Array; i22: Float64Array; u2: Float64Array };
}

/**
 * One backward pass over the sorted data with risk scores exp(eta) * weight.
 * @param g - when given (one value per sorted row), also accumulates the blocks of R's `cox.zph` score test.
 */
export function riskSetSummary(d: CoxData, eta: Float64Array, g?: Float64Array): RiskSetSummary {
  const { n, p, time, status, x, weight, stratumEnd, efron } = d;
  let m = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let dead = 0;
    for (; j < n && time[j] === time[i]; j++) {
      dead += status[j];
      if (stratumEnd[j] === 1) {
        j++;
        break;
      }
    }
    if (dead > 0) m++;
    i = j;
  }
  const out = allocateRiskSetSummary(m, n, p);
  const withZph = g !== undefined;
  const zph = withZph ? allocateZphBlocks(p) : undefined;
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(withZph ? p * p : 0);
  const cmat2 = new Float64Array(withZph ? p * p : 0);
  const xbarK = new Float64Array(p);
  let denom = 0;
  let k = m;
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
    const last = person;
    a2.fill(0);
    cmat2.fill(0);
    while (person >= 0 && time[person] === dtime) {
      const risk = Math.exp(eta[person]) * weight[person];
      const row = person * p;
      const target = status[person] === 0 ? a : a2;
      const ctarget = status[person] === 0 ? cmat : cmat2;
      if (status[person] === 0) denom += risk;
      else {
        ndead++;
        deadwt += weight[person];
        denom2 += risk;
        if (zph) for (let i = 0; i < p; i++) zph.u2[i] += weight[person] * g![person] * x[row + i];
      }
      for (let i = 0; i < p; i++) {
        target[i] += risk * x[row + i];
        if (withZph) for (let j = 0; j <= i; j++) ctarget[i * p + j] += risk * x[row + i] * x[row + j];
      }
      person--;
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    if (ndead === 0) continue;
    k--;
    out.time[k] = dtime;
    out.strata[k] = d.strata[last];
    const steps = efron ? ndead : 1;
    const wtave = deadwt / steps;
    const gj = withZph ? g![last] : 0;
    for (let s = 0; s < steps; s++) {
      const f = (s + 1) / steps;
      const dk = denom + f * denom2;
      const h = wtave / dk;
      out.hazard[k] += h;
      out.hazardDeath[k] += f * h;
      out.hazardVar[k] += h / dk;
      for (let i = 0; i < p; i++) {
        xbarK[i] = (a[i] + f * a2[i]) / dk;
        out.xHazard[k * p + i] += h * xbarK[i];
        out.xHazardDeath[k * p + i] += f * h * xbarK[i];
        out.xbar[k * p + i] += xbarK[i] / steps;
      }
      if (zph) {
        for (let i = 0; i < p; i++) {
          zph.u2[i] -= wtave * gj * xbarK[i];
          for (let j = 0; j <= i; j++) {
            const v = wtave * ((cmat[i * p + j] + f * cmat2[i * p + j]) / dk - xbarK[i] * xbarK[j]);
            zph.i11[i * p + j] += v;
            zph.i12[i * p + j] += gj * v;
            zph.i22[i * p + j] += gj * gj * v;
          }
        }
      }
    }
    denom += denom2;
    for (let i = 0; i < p; i++) a[i] += a2[i];
    if (withZph) for (let i = 0; i < p * p; i++) cmat[i] += cmat2[i];
  }
  if (zph) {
    for (const mat of [zph.i11, zph.i12, zph.i22]) {
      for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) mat[j * p + i] = mat[i * p + j];
    }
    out.zph = zph;
  }
  // map each sorted row to the last event time <= its time within its stratum
  let e = 0;
  for (let i = 0; i < n; i++) {
    while (
      e < m &&
      (out.strata[e] < d.strata[i] || (out.strata[e] === d.strata[i] && out.time[e] <= time[i]))
    )
      e++;
    const j = e - 1;
    out.lastEvent[i] = j >= 0 && out.strata[j] === d.strata[i] ? j : -1;
  }
  return out;
}

/** A zero-filled {@link RiskSetSummary} for `m` event times, `n` rows and `p` covariates. */
export function allocateRiskSetSummary(m: number, n: number, p: number): RiskSetSummary {
  return {
    m,
    time: new Float64Array(m),
    strata: new Int32Array(m),
    hazard: new Float64Array(m),
    hazardDeath: new Float64Array(m),
    hazardVar: new Float64Array(m),
    xHazard: new Float64Array(m * p),
    xHazardDeath: new Float64Array(m * p),
    xbar: new Float64Array(m * p),
    lastEvent: new Int32Array(n),
  };
}

/** Zero-filled blocks of R's `cox.zph` score test (`RiskSetSummary.zph`) for `p` covariates. */
export function allocateZphBlocks(p: number): NonNullable<RiskSetSummary['zph']> {
  return {
    i11: new Float64Array(p * p),
    i12: new Float64Array(p * p),
    i22: new Float64Array(p * p),
    u2: new Float64Array(p),
  };
}
