import type { CoxData } from './cox-data.js';
import { allocateRiskSetSummary, type RiskSetSummary, riskSetSummary } from './risk-sets.js';

/**
 * {@link RiskSetSummary} for counting-process (start, stop] data (risk set at t: start < t <= stop), with
 * `startEvent`: per sorted row, the last event time <= its start in its stratum (-1 when none). Residuals
 * of such a row integrate over (start, stop]: cumulative sums at `lastEvent` minus those at `startEvent`.
 */
export function riskSetSummaryCounting(d: CoxData, eta: Float64Array): RiskSetSummary {
  const { n, p, time, status, x, weight, strata, efron } = d;
  const start = d.start as Float64Array;
  const byStart = Int32Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => strata[i] - strata[j] || start[i] - start[j] || i - j,
  );
  const risk = Float64Array.from(eta, (e, i) => Math.exp(e) * weight[i]);
  const times: number[] = [];
  const strat: number[] = [];
  const rec: { h: number; hd: number; hv: number; xh: Float64Array; xhd: Float64Array; xb: Float64Array }[] =
    [];
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  let denom = 0;
  let ptr = n - 1;
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
      const target = status[person] === 0 ? a : a2;
      if (status[person] === 0) denom += r;
      else {
        ndead++;
        deadwt += weight[person];
        denom2 += r;
      }
      for (let i = 0; i < p; i++) target[i] += r * x[person * p + i];
      person--;
    }
    if (ndead === 0) continue;
    while (ptr >= 0 && strata[byStart[ptr]] === s && start[byStart[ptr]] >= dtime) {
      const j = byStart[ptr];
      const dead = time[j] === dtime && status[j] === 1;
      if (dead) denom2 -= risk[j];
      else denom -= risk[j];
      for (let i = 0; i < p; i++) (dead ? a2 : a)[i] -= risk[j] * x[j * p + i];
      ptr--;
    }
    const steps = efron ? ndead : 1;
    const wtave = deadwt / steps;
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
      const dk = denom + f * denom2;
      const h = wtave / dk;
      r.h += h;
      r.hd += f * h;
      r.hv += h / dk;
      for (let i = 0; i < p; i++) {
        const xbar = (a[i] + f * a2[i]) / dk;
        r.xh[i] += h * xbar;
        r.xhd[i] += f * h * xbar;
        r.xb[i] += xbar / steps;
      }
    }
    times.push(dtime);
    strat.push(s);
    rec.push(r);
    denom += denom2;
    for (let i = 0; i < p; i++) a[i] += a2[i];
  }
  const m = rec.length;
  const out = { ...allocateRiskSetSummary(m, n, p), startEvent: new Int32Array(n) };
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
  for (let i = 0; i < n; i++) {
    out.lastEvent[i] = upTo(strata[i], time[i]);
    out.startEvent[i] = upTo(strata[i], start[i]);
  }
  return out;
}

/** The risk-set summary of a fit: counting-process risk sets when the data have starts. */
export function riskSets(d: CoxData, eta: Float64Array): RiskSetSummary {
  return d.start === undefined ? riskSetSummary(d, eta) : riskSetSummaryCounting(d, eta);
}
