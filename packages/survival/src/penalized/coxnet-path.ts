import { TaceError } from '@tace/core';
import { breslowLogLik, breslowWorkingWeights, MAX_EXPONENT } from './breslow.js';
import type { RiskSetIndex } from './risk-sets.js';
import { createKernels } from './simd-kernels.js';

/** glmnet's internal constants for family = "cox" (`glmnet.control()` defaults as coxnet rescales them). */
const BIG = 9.9e35;
const MIN_FLMIN = 1e-6;
const MIN_LAMBDAS = 5;
/** `fdev * 100`: coxnet stops when the deviance ratio grew by less than 0.1 % over the last 4 lambdas. */
const FRACTION_DEV_CHANGE = 1e-5 * 100;
/** `devmax * 0.99 / 0.999`: coxnet stops once the deviance ratio exceeds 0.99. */
const DEV_MAX = 0.99;

/** A standardised, time-sorted problem: what {@link coxnetPathKernel} solves. */
export interface CoxnetProblem {
  /** Column-major `n x p` predictors, rows in the sorted order of `index`, centred (and scaled). */
  x: Float64Array;
  n: number;
  p: number;
  index: RiskSetIndex;
  /** Observation weights in sorted order, summing to 1 (1/n each without weights). */
  q: Float64Array;
  /** 1 for a column that takes part, 0 for a constant or excluded one (its coefficient stays 0). */
  usable: Uint8Array;
  /** Penalty factors, already rescaled to sum to `p`. */
  penalty: Float64Array;
  alpha: number;
  /** `lambdaMinRatio` (< 1), or 1 when `lambda` is given. */
  flmin: number;
  /** User lambdas (decreasing) when `flmin >= 1`. */
  userLambda: Float64Array | null;
  nLambda: number;
  thresh: number;
  maxIter: number;
}

/** The raw path on the standardised scale. */
export interface CoxnetRawPath {
  /** Lambdas actually fitted (the first is glmnet's `big` placeholder when the sequence is computed). */
  lambda: Float64Array;
  /** Coefficients, `p` per lambda. */
  coef: Float64Array;
  devRatio: Float64Array;
  /** `-(sum dk log dk) - loglik(0)` per unit weight: glmnet's `dev0` before scaling. */
  nullDevPerWeight: number;
  passes: number;
  /** 0-based index of the lambda at which `maxIter` was exceeded (or the weights overflowed), or -1. */
  notConvergedAt: number;
  /** Why the path stopped early: `maxIter` passes exceeded, or working weights overflowed (exp of a huge
   * linear predictor); glmnet stops there too and returns the lambdas before it. `null` when it did not. */
  stoppedBy: 'maxIter' | 'overflow' | null;
}

/**
 * Elastic-net Cox path by cyclic coordinate descent: the algorithm of glmnet's `coxnet1` (Friedman, Hastie &
 * Tibshirani 2010; Simon et al. 2011), step for step: quadratic approximation of the Breslow partial
 * likelihood with a diagonal Hessian, strong rules with an ever-growing strong set, warm starts, KKT checks,
 * and glmnet's path stopping rules. The working residual `wr`, weights `w` and linear predictor `f` are
 * updated in place; nothing is allocated inside the coordinate loop.
 */
export function coxnetPathKernel(problem: CoxnetProblem): CoxnetRawPath {
  const { n, p, index, q, usable, penalty: vp, alpha, flmin, userLambda, nLambda, thresh, maxIter } = problem;
  // One SIMD heap holds x, x^2 (for the weighted squares), the working residual wr, the weights w, the
  // linear predictor f and a vector of -1 (so that `update` can also add a multiple of a column to f).
  const np = n * p;
  const kernels = createKernels(2 * np + 4 * n);
  const heap = kernels.heap;
  heap.set(problem.x, 0);
  const x = heap.subarray(0, np);
  for (let t = 0; t < np; t++) heap[np + t] = x[t] * x[t];
  const wrBase = 2 * np;
  const wBase = wrBase + n;
  const fBase = wBase + n;
  const minusOnes = fBase + n;
  const wr = heap.subarray(wrBase, wrBase + n);
  const w = heap.subarray(wBase, wBase + n);
  const f = heap.subarray(fBase, fBase + n);
  heap.fill(-1, minusOnes, minusOnes + n);
  const start = index.groupStart[0];
  const span = n - start;
  const dotResidual = (j: number): number => kernels.dot(wrBase + start, j * n + start, span);
  const weightedSquares = (j: number): number => kernels.dot(wBase + start, np + j * n + start, span);
  const dq = new Float64Array(n);
  for (let i = start; i < n; i++) dq[i] = index.event[i] * q[i];
  // Weighted events at each event time: the tied events of t_k open its group.
  const dk = new Float64Array(index.nGroups);
  for (let k = 0; k < index.nGroups; k++) {
    const first = index.groupStart[k];
    for (let i = first; i < first + index.deaths[k]; i++) dk[k] += dq[i];
  }
  const e = Float64Array.from(q);
  const u = new Float64Array(index.nGroups);

  const r0 = breslowLogLik(index, dq, dk, f, e, u);
  let dkLogDk = 0;
  for (let k = 0; k < dk.length; k++) dkLogDk += dk[k] * Math.log(dk[k]);
  const rr = -(dkLogDk + r0);
  if (!breslowWorkingWeights(index, dq, dk, e, u, wr, w)) throw nonPositiveWeights(0);

  const alf = flmin < 1 ? Math.max(MIN_FLMIN, flmin) ** (1 / (nLambda - 1)) : 1;
  const cthr = thresh * rr;
  const ga = new Float64Array(p);
  for (let j = 0; j < p; j++) if (usable[j]) ga[j] = Math.abs(dotResidual(j));

  const a = new Float64Array(p);
  const aStart = new Float64Array(p);
  const v = new Float64Array(p);
  const strong = new Uint8Array(p);
  const inActive = new Uint8Array(p);
  const active = new Int32Array(p);
  let nActive = 0;
  let passes = 0;
  let notConvergedAt = -1;
  let stoppedBy: 'maxIter' | 'overflow' | null = null;

  const lambdaOut = new Float64Array(nLambda);
  const coefOut = new Float64Array(nLambda * p);
  const devOut = new Float64Array(nLambda);
  const mnl = Math.min(MIN_LAMBDAS, nLambda);
  let fitted = 0;
  let al = 0;

  // One cyclic pass over the strong set (`all`) or the active set; returns max v_j * delta_j^2.
  const pass = (all: boolean, sa: number, omal: number): number => {
    let dli = 0;
    const count = all ? p : nActive;
    for (let l = 0; l < count; l++) {
      const j = all ? l : active[l];
      if (all && strong[j] === 0) continue;
      const offset = j * n;
      const uj = a[j] * v[j] + dotResidual(j);
      const threshold = vp[j] * sa;
      const abs = Math.abs(uj);
      const at = abs <= threshold ? 0 : (Math.sign(uj) * (abs - threshold)) / (v[j] + vp[j] * omal);
      if (at === a[j]) continue;
      const del = at - a[j];
      a[j] = at;
      const change = v[j] * del * del;
      if (change > dli) dli = change;
      kernels.update(wrBase + start, wBase + start, offset + start, span, del);
      if (inActive[j] === 0) {
        inActive[j] = 1;
        active[nActive++] = j;
      }
    }
    return dli;
  };

  path: for (let ilm = 0; ilm < nLambda; ilm++) {
    let al0 = al;
    if (flmin >= 1) al = (userLambda as Float64Array)[ilm];
    else if (ilm > 1) al *= alf;
    else if (ilm === 0) al = BIG;
    else {
      al0 = 0;
      for (let j = 0; j < p; j++) if (usable[j] && vp[j] > 0) al0 = Math.max(al0, ga[j] / vp[j]);
      al0 /= Math.max(alpha, 1e-3);
      al = alf * al0;
    }
    const sa = alpha * al;
    const omal = (1 - alpha) * al;
    const tlam = alpha * (2 * al - al0);
    for (let k = 0; k < p; k++) if (!strong[k] && usable[k] && ga[k] > tlam * vp[k]) strong[k] = 1;

    for (;;) {
      if (passes > maxIter) {
        notConvergedAt = ilm;
        break path;
      }
      for (let l = 0; l < nActive; l++) aStart[active[l]] = a[active[l]];
      for (let j = 0; j < p; j++) if (strong[j]) v[j] = weightedSquares(j);
      for (;;) {
        passes++;
        if (pass(true, sa, omal) < cthr) break;
        if (passes > maxIter) {
          notConvergedAt = ilm;
          break path;
        }
        for (;;) {
          passes++;
          if (pass(false, sa, omal) < cthr) break;
          if (passes > maxIter) {
            notConvergedAt = ilm;
            break path;
          }
        }
      }
      // The linear predictor is rebuilt from the coefficients once per quadratic approximation rather than
      // updated with every coordinate step (glmnet does the latter; the two differ by rounding only).
      f.fill(0, start);
      for (let l = 0; l < nActive; l++) {
        const j = active[l];
        // f - (a_j * -1) * x_j = f + a_j x_j, exactly.
        if (a[j] !== 0) kernels.update(fBase + start, minusOnes + start, j * n + start, span, a[j]);
      }
      for (let i = start; i < n; i++) {
        const fi = f[i];
        e[i] = q[i] * Math.exp(Math.sign(fi) * Math.min(Math.abs(fi), MAX_EXPONENT));
      }
      if (!breslowWorkingWeights(index, dq, dk, e, u, wr, w)) {
        // As glmnet (jerr = -30000 - m): keep the lambdas before this one, unless it is the first.
        if (ilm === 0) throw nonPositiveWeights(ilm);
        notConvergedAt = ilm;
        stoppedBy = 'overflow';
        break path;
      }
      let changed = false;
      for (let l = 0; l < nActive; l++) {
        const k = active[l];
        const d = a[k] - aStart[k];
        if (v[k] * d * d >= cthr) {
          changed = true;
          break;
        }
      }
      if (changed) continue;
      for (let k = 0; k < p; k++) {
        if (strong[k] || !usable[k]) continue;
        ga[k] = Math.abs(dotResidual(k));
        if (ga[k] > sa * vp[k]) {
          strong[k] = 1;
          changed = true;
        }
      }
      if (!changed) break;
    }

    coefOut.set(a, ilm * p);
    lambdaOut[ilm] = al;
    devOut[ilm] = (breslowLogLik(index, dq, dk, f, e, u) - r0) / rr;
    fitted = ilm + 1;
    if (ilm + 1 < mnl || flmin >= 1) continue;
    if ((devOut[ilm] - devOut[ilm - mnl + 1]) / devOut[ilm] < FRACTION_DEV_CHANGE) break;
    if (devOut[ilm] > DEV_MAX) break;
  }
  return {
    lambda: lambdaOut.slice(0, fitted),
    coef: coefOut.slice(0, fitted * p),
    devRatio: devOut.slice(0, fitted),
    nullDevPerWeight: rr,
    passes,
    notConvergedAt,
    stoppedBy: notConvergedAt >= 0 ? (stoppedBy ?? 'maxIter') : null,
  };
}

function nonPositiveWeights(ilm: number): TaceError {
  return new TaceError(
    'NOT_CONVERGED',
    `coxnet: a working weight became non-positive at lambda ${ilm + 1} (exp overflow of the linear predictor)`,
    { param: 'x', remedy: 'standardise the features, or stop the path earlier (larger lambdaMinRatio)' },
  );
}
