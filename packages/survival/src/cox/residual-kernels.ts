import type { CoxData } from './cox-data.js';
import type { RiskSetSummary } from './risk-sets.js';

/**
 * Martingale residuals per sorted row: status - exp(eta) * cumulative hazard up to its time, where a
 * subject failing at a tied time gets only its Efron share of that time's increment (as R `coxmart`).
 */
export function martingaleKernel(d: CoxData, eta: Float64Array, rs: RiskSetSummary): Float64Array {
  const out = new Float64Array(d.n);
  const cum = cumulative(rs);
  const start = rs.startEvent;
  for (let i = 0; i < d.n; i++) {
    const j = rs.lastEvent[i];
    let h = 0;
    if (j >= 0) h = d.status[i] === 1 ? cum.hazard[j] - rs.hazard[j] + rs.hazardDeath[j] : cum.hazard[j];
    const j0 = start === undefined ? -1 : start[i];
    if (j0 >= 0) h -= cum.hazard[j0];
    out[i] = d.status[i] - Math.exp(eta[i]) * h;
  }
  return out;
}

/**
 * Score residuals per sorted row (n x p, row-major): the subject's contribution to the score vector,
 * (x_i - xbar(t_i)) dN_i - integral of (x_i - xbar(t)) exp(eta_i) dLambda(t), with Efron's tied-time
 * correction as R `coxscore2`. Unweighted, as R's `resid(fit, "score")`.
 */
export function scoreKernel(d: CoxData, eta: Float64Array, rs: RiskSetSummary): Float64Array {
  const { n, p, x, status } = d;
  const out = new Float64Array(n * p);
  const cum = cumulative(rs);
  const start = rs.startEvent;
  for (let i = 0; i < n; i++) {
    const j = rs.lastEvent[i];
    if (j < 0) continue;
    const r = Math.exp(eta[i]);
    const dead = status[i] === 1;
    const j0 = start === undefined ? -1 : start[i];
    let h = dead ? cum.hazard[j] - rs.hazard[j] + rs.hazardDeath[j] : cum.hazard[j];
    if (j0 >= 0) h -= cum.hazard[j0];
    for (let c = 0; c < p; c++) {
      let xh = dead
        ? cum.xHazard[j * p + c] - rs.xHazard[j * p + c] + rs.xHazardDeath[j * p + c]
        : cum.xHazard[j * p + c];
      if (j0 >= 0) xh -= cum.xHazard[j0 * p + c];
      let v = -r * (x[i * p + c] * h - xh);
      if (dead) v += x[i * p + c] - rs.xbar[j * p + c];
      out[i * p + c] = v;
    }
  }
  return out;
}

/** Cumulative sums of the hazard, its variance part and hazard-weighted means within strata. */
export function cumulative(rs: RiskSetSummary): {
  hazard: Float64Array;
  hazardVar: Float64Array;
  xHazard: Float64Array;
} {
  const { m } = rs;
  const p = m > 0 ? rs.xHazard.length / m : 0;
  const hazard = new Float64Array(m);
  const hazardVar = new Float64Array(m);
  const xHazard = new Float64Array(m * p);
  for (let j = 0; j < m; j++) {
    const continues = j > 0 && rs.strata[j] === rs.strata[j - 1];
    hazard[j] = rs.hazard[j] + (continues ? hazard[j - 1] : 0);
    hazardVar[j] = rs.hazardVar[j] + (continues ? hazardVar[j - 1] : 0);
    for (let c = 0; c < p; c++) {
      xHazard[j * p + c] = rs.xHazard[j * p + c] + (continues ? xHazard[(j - 1) * p + c] : 0);
    }
  }
  return { hazard, hazardVar, xHazard };
}
