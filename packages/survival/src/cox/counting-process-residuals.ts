import type { CoxData } from './cox-data.js';
import {
  allocateRiskSetSummary,
  allocateZphBlocks,
  type RiskSetSummary,
  riskSetSummary,
} from './risk-sets.js';

/** Running sums over a risk set: weight, weighted x and (for the PH test) weighted x x' (lower triangle). */
interface RiskSums {
  denom: number;
  a: Float64Array;
  cmat: Float64Array;
}

function riskSums(p: number, withCmat: boolean): RiskSums {
  return { denom: 0, a: new Float64Array(p), cmat: new Float64Array(withCmat ? p * p : 0) };
}

function clearSums(s: RiskSums): void {
  s.denom = 0;
  s.a.fill(0);
  s.cmat.fill(0);
}

/** Adds `sign` x row `row` (risk `r`, covariates `x[row * p ...]`) to the sums. */
function addRow(s: RiskSums, x: Float64Array, row: number, p: number, r: number, sign: 1 | -1): void {
  const w = sign * r;
  s.denom += w;
  const o = row * p;
  for (let i = 0; i < p; i++) {
    s.a[i] += w * x[o + i];
    if (s.cmat.length > 0) for (let j = 0; j <= i; j++) s.cmat[i * p + j] += w * x[o + i] * x[o + j];
  }
}

/**
 * {@link RiskSetSummary} for counting-process (start, stop] data (risk set at t: start < t <= stop), with
 * `startEvent`: per sorted row, the last event time <= its start in its stratum (-1 when none). Residuals
 * of such a row integrate over (start, stop]: cumulative sums at `lastEvent` minus those at `startEvent`.
 * With `g` (one value per sorted row) it also accumulates the blocks of R's `cox.zph` score test for
 * (start, stop] data (survival's `zph2`). As R's `agfit4`/`zph2`, the sums restart from zero whenever the
 * risk set empties (no round-off carried over).
 */
export function riskSetSummaryCounting(d: CoxData, eta: Float64Array, g?: Float64Array): RiskSetSummary {
  const { n, p, time, status, x, weight, strata, efron } = d;
  const start = d.start as Float64Array;
  const byStart = Int32Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => strata[i] - strata[j] || start[i] - start[j] || i - j,
  );
  const risk = Float64Array.from(eta, (e, i) => Math.exp(e) * weight[i]);
  const withZph = g !== undefined;
  const zph = withZph ? allocateZphBlocks(p) : undefined;
  const times: number[] = [];
  const strat: number[] = [];
  const rec: { h: number; hd: number; hv: number; xh: Float64Array; xhd: Float64Array; xb: Float64Array }[] =
    [];
  const alive = riskSums(p, withZph);
  const dead = riskSums(p, withZph);
  const xbarK = new Float64Array(p);
  let nrisk = 0;
  let ptr = n - 1;
  for (let person = n - 1; person >= 0; ) {
    const s = strata[person];
    if (person === n - 1 || strata[person + 1] !== s) {
      clearSums(alive);
      nrisk = 0;
      while (ptr >= 0 && strata[byStart[ptr]] > s) ptr--;
    }
    const dtime = time[person];
    // rows that start at or after this time leave the risk set (they were added: their stop is later)
    while (ptr >= 0 && strata[byStart[ptr]] === s && start[byStart[ptr]] >= dtime) {
      const j = byStart[ptr];
      ptr--;
      nrisk--;
      if (nrisk === 0) clearSums(alive);
      else addRow(alive, x, j, p, risk[j], -1);
    }
    const last = person;
    let ndead = 0;
    let deadwt = 0;
    clearSums(dead);
    while (person >= 0 && strata[person] === s && time[person] === dtime) {
      if (status[person] === 0) addRow(alive, x, person, p, risk[person], 1);
      else {
        ndead++;
        deadwt += weight[person];
        addRow(dead, x, person, p, risk[person], 1);
        if (zph) for (let i = 0; i < p; i++) zph.u2[i] += weight[person] * g![person] * x[person * p + i];
      }
      nrisk++;
      person--;
    }
    if (ndead === 0) continue;
    const steps = efron ? ndead : 1;
    const wtave = deadwt / steps;
    const gj = withZph ? g![last] : 0;
    const r = {
      h: 0,
      hd: 0,
      hv: 0,
      xh: new Float64Array(p),
      xhd: new Float64Array(p),
      xb: new Float64Array(p),
    };
    for (let k = 0; k < steps; k++) {
      const f = (k + 1) / steps;
      const dk = alive.denom + f * dead.denom;
      const h = wtave / dk;
      r.h += h;
      r.hd += f * h;
      r.hv += h / dk;
      for (let i = 0; i < p; i++) {
        xbarK[i] = (alive.a[i] + f * dead.a[i]) / dk;
        r.xh[i] += h * xbarK[i];
        r.xhd[i] += f * h * xbarK[i];
        r.xb[i] += xbarK[i] / steps;
      }
      if (zph) {
        for (let i = 0; i < p; i++) {
          zph.u2[i] -= wtave * gj * xbarK[i];
          for (let j = 0; j <= i; j++) {
            const c = (alive.cmat[i * p + j] + f * dead.cmat[i * p + j]) / dk;
            const v = wtave * (c - xbarK[i] * xbarK[j]);
            zph.i11[i * p + j] += v;
            zph.i12[i * p + j] += gj * v;
            zph.i22[i * p + j] += gj * gj * v;
          }
        }
      }
    }
    times.push(dtime);
    strat.push(s);
    rec.push(r);
    alive.denom += dead.denom;
    for (let i = 0; i < p; i++) alive.a[i] += dead.a[i];
    for (let i = 0; i < alive.cmat.length; i++) alive.cmat[i] += dead.cmat[i];
  }
  const m = rec.length;
  const out: RiskSetSummary = { ...allocateRiskSetSummary(m, n, p), startEvent: new Int32Array(n) };
  for (let k = 0; k < m; k++) {
    const b = m - 1 - k;
    out.time[k] = times[b];
    out.strata[k] = strat[b];
    out.hazard[k] = rec[b].h;
    out.hazardDeath[k] = rec[b].hd;
    out.hazardVar[k] = rec[b].hv;
    out.xHazard.set(rec[b].xh, k * p);
    out.xHazardDeath.set(rec[b].xhd, k * p);
    out.xbar.set(rec[b].xb, k * p);
  }
  const upTo = (s: number, t: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (out.strata[mid] < s || (out.strata[mid] === s && out.time[mid] <= t)) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    return k >= 0 && out.strata[k] === s ? k : -1;
  };
  const startEvent = out.startEvent as Int32Array;
  for (let i = 0; i < n; i++) {
    out.lastEvent[i] = upTo(strata[i], time[i]);
    startEvent[i] = upTo(strata[i], start[i]);
  }
  if (zph) {
    for (const mat of [zph.i11, zph.i12, zph.i22]) {
      for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) mat[j * p + i] = mat[i * p + j];
    }
    out.zph = zph;
  }
  return out;
}

/** The risk-set summary of a fit: counting-process risk sets when the data have starts. */
export function riskSets(d: CoxData, eta: Float64Array, g?: Float64Array): RiskSetSummary {
  return d.start === undefined ? riskSetSummary(d, eta, g) : riskSetSummaryCounting(d, eta, g);
}
