import type { SimdKernels } from '../penalized/simd-kernels.js';
import { createKernels } from '../penalized/simd-kernels.js';
import type { CoxData, CoxWork } from './cox-data.js';
import { addWeightedGram, GRAM_BLOCK } from './weighted-gram.js';

/**
 * What stays fixed across the Newton-Raphson steps of a right-censored fit: the covariates column-major,
 * the blocks of tied times (within strata) and the Efron steps of each, plus the per-step scratch. Built
 * once by {@link prepareCoxIterate}; {@link coxIterate} then allocates nothing.
 */
export interface CoxIteratePlan {
  n: number;
  p: number;
  /**
   * One SIMD memory holding the centred/scaled covariates column-major (`xc`, column c at c * n), then the
   * a_k columns (`a`), then the scratch block of {@link addWeightedGram}.
   */
  kernels: SimdKernels;
  xc: Float64Array;
  /** Number of blocks of tied times. Blocks are numbered from the last rows backwards. */
  nGroups: number;
  /** First (lowest) and last sorted row of each block. */
  groupFirst: Int32Array;
  groupLast: Int32Array;
  /** 1 when the block ends its stratum (the backward pass restarts its risk sets there). */
  groupReset: Uint8Array;
  /** Index of the block's first Efron step, and its number of steps (0 when nobody fails). */
  groupStep: Int32Array;
  groupSteps: Int32Array;
  /** Total case weight of the deaths of each block. */
  groupDeadWt: Float64Array;
  /** Number of Efron steps (one per death, or one per event time with Breslow or a single death). */
  nSteps: number;
  /** Per step: the Efron fraction f = (k + 1) / steps and the block it belongs to. */
  stepF: Float64Array;
  stepGroup: Int32Array;
  /** Per step: wtave / d_k^2, the weight of a_k a_k' in the information. */
  stepGram: Float64Array;
  /** Heap offset of `a`. */
  aOffset: number;
  /** Per step, column-major (column c at c * (nSteps + 1), the last row a dummy): a_k = sum of r_j x_j over the risk set. */
  a: Float64Array;
  /** Per sorted row: r_j Lambda_j (risk times its Efron-share cumulative hazard). */
  v: Float64Array;
  /** Per block: hazard increment and the share applied to the block's own deaths. */
  hazard: Float64Array;
  hazardDeath: Float64Array;
  /** Per sorted row: 1 for an event, else 0 (branch-free accumulation), and weight times that. */
  dead: Float64Array;
  deadWt: Float64Array;
  /**
   * Per sorted row: -1 inside a block; at the lowest row of a block, the index of its single step (its
   * a_k slot; `nSteps`, a dummy slot, when nobody fails), or -2 - g for a block g with several Efron steps.
   */
  rowStep: Int32Array;
  /** Per step: wtave / d_k (its a_k's weight in the score; 0 in the dummy slot `nSteps`). */
  stepU: Float64Array;
}

/**
 * Plans {@link coxIterate} for sorted right-censored data `d` whose centred/scaled covariates are `xc`
 * (column-major, n x p; copied into the plan's SIMD memory).
 */
export function prepareCoxIterate(d: CoxData, xc: Float64Array): CoxIteratePlan {
  const { n, p, time, status, weight, stratumEnd, efron } = d;
  let nGroups = 0;
  let nSteps = 0;
  const groupFirst = new Int32Array(n);
  const groupLast = new Int32Array(n);
  const groupReset = new Uint8Array(n);
  const groupStep = new Int32Array(n);
  const groupSteps = new Int32Array(n);
  const groupDeadWt = new Float64Array(n);
  for (let person = n - 1; person >= 0; ) {
    const g = nGroups++;
    groupLast[g] = person;
    groupReset[g] = stratumEnd[person];
    const dtime = time[person];
    let ndead = 0;
    let deadwt = 0;
    while (person >= 0 && time[person] === dtime) {
      if (status[person] !== 0) {
        ndead++;
        deadwt += weight[person];
      }
      person--;
      if (person >= 0 && stratumEnd[person] === 1) break;
    }
    groupFirst[g] = person + 1;
    groupDeadWt[g] = deadwt;
    const steps = ndead === 0 ? 0 : !efron || ndead === 1 ? 1 : ndead;
    groupStep[g] = nSteps;
    groupSteps[g] = steps;
    nSteps += steps;
  }
  const dead = new Float64Array(n);
  const deadWt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dead[i] = status[i] === 0 ? 0 : 1;
    deadWt[i] = dead[i] * weight[i];
  }
  const rowStep = new Int32Array(n).fill(-1);
  for (let g = 0; g < nGroups; g++) {
    const steps = groupSteps[g];
    rowStep[groupFirst[g]] = steps === 0 ? nSteps : steps === 1 ? groupStep[g] : -2 - g;
  }
  const aOffset = n * p;
  const kernels = createKernels(aOffset + (nSteps + 1) * p + p * GRAM_BLOCK);
  kernels.heap.set(xc);
  const stepF = new Float64Array(nSteps);
  const stepGroup = new Int32Array(nSteps);
  for (let g = 0; g < nGroups; g++) {
    const steps = groupSteps[g];
    for (let k = 0; k < steps; k++) {
      stepF[groupStep[g] + k] = (k + 1) / steps;
      stepGroup[groupStep[g] + k] = g;
    }
  }
  return {
    n,
    p,
    kernels,
    xc: kernels.heap.subarray(0, n * p),
    nGroups,
    groupFirst: groupFirst.slice(0, nGroups),
    groupLast: groupLast.slice(0, nGroups),
    groupReset: groupReset.slice(0, nGroups),
    groupStep: groupStep.slice(0, nGroups),
    groupSteps: groupSteps.slice(0, nGroups),
    groupDeadWt: groupDeadWt.slice(0, nGroups),
    nSteps,
    stepF,
    stepGroup,
    stepGram: new Float64Array(nSteps),
    aOffset,
    a: kernels.heap.subarray(aOffset, aOffset + (nSteps + 1) * p),
    v: new Float64Array(n),
    hazard: new Float64Array(nGroups),
    hazardDeath: new Float64Array(nGroups),
    dead,
    deadWt,
    rowStep,
    stepU: new Float64Array(nSteps + 1),
  };
}

/**
 * Partial log-likelihood, score vector `work.u` and information matrix `work.imat` (full p x p) at `beta`,
 * with Efron or Breslow handling of tied event times, as R survival's `coxfit6_iter`; `work.eta` and
 * `work.risk` receive the linear predictor and exp(eta) * weight per sorted row.
 *
 * With d_k the (Efron-step) risk-set sums and a_k the risk-weighted covariate sums at each event time,
 *   I = sum_k wbar (C_k / d_k - a_k a_k' / d_k^2),  C_k = sum_{j in R_k} r_j x_j x_j',
 * and sum_k (wbar / d_k) C_k = sum_j r_j Lambda_j x_j x_j', Lambda_j the (Efron-share) cumulative hazard
 * of subject j. So the information is two weighted Gram matrices, X' diag(r Lambda) X - A' diag(wbar / d^2) A
 * (A the event steps' a_k), each computed by {@link addWeightedGram} in cache-sized row blocks. The passes:
 * the linear predictor column by column, one scalar backward pass for the denominators, log-likelihood and
 * hazard, one backward pass per column for a_k and the score, one forward pass for r_j Lambda_j; then the two
 * Gram matrices. Only the p (p + 1) / 2 products per row and per event step touch memory p^2 times.
 */
export function coxIterate(d: CoxData, plan: CoxIteratePlan, beta: Float64Array, work: CoxWork): number {
  const { n, p, status, offset, weight, stratumEnd } = d;
  const { xc, nGroups, groupFirst, groupLast, groupReset, groupStep, groupSteps, groupDeadWt } = plan;
  const { nSteps, stepF, stepGram, a, v, hazard, hazardDeath } = plan;
  const { u, imat, eta, risk } = work;
  const ipack = work.imatPacked;
  u.fill(0);
  ipack.fill(0);
  eta.set(offset);
  for (let c = 0; c < p; c++) {
    const b = beta[c];
    const col = c * n;
    for (let i = 0; i < n; i++) eta[i] += b * xc[col + i];
  }
  for (let i = 0; i < n; i++) risk[i] = Math.exp(eta[i]) * weight[i];
  // denominators, log-likelihood and hazard, backwards over the blocks of tied times
  const { dead, deadWt, rowStep, stepU } = plan;
  let loglik = 0;
  let denom = 0;
  for (let g = 0; g < nGroups; g++) {
    if (groupReset[g] === 1) denom = 0;
    let denom2 = 0;
    for (let j = groupLast[g]; j >= groupFirst[g]; j--) {
      const r = risk[j];
      const dr = dead[j] * r;
      denom += r - dr;
      denom2 += dr;
      loglik += deadWt[j] * eta[j];
    }
    const steps = groupSteps[g];
    if (steps > 0) {
      const wtave = groupDeadWt[g] / steps;
      let h = 0;
      let hDeath = 0;
      for (let s = groupStep[g]; s < groupStep[g] + steps; s++) {
        const f = stepF[s];
        const dk = denom + f * denom2;
        loglik -= wtave * Math.log(dk);
        stepU[s] = wtave / dk;
        stepGram[s] = wtave / (dk * dk);
        h += wtave / dk;
        hDeath += (f * wtave) / dk;
      }
      hazard[g] = h;
      hazardDeath[g] = hDeath;
    }
    denom += denom2;
  }
  // a_k and the score, one column at a time, backwards over the rows
  const ld = nSteps + 1;
  for (let c = 0; c < p; c++) {
    const col = c * n;
    const acol = c * ld;
    let uc = 0;
    let ac = 0;
    let a2 = 0;
    for (let j = n - 1; j >= 0; j--) {
      if (stratumEnd[j] === 1) ac = 0;
      const xj = xc[col + j];
      const rx = risk[j] * xj;
      const drx = dead[j] * rx;
      ac += rx - drx;
      a2 += drx;
      uc += deadWt[j] * xj;
      const e = rowStep[j];
      if (e === -1) continue;
      if (e >= 0) {
        const ai = ac + a2;
        a[acol + e] = ai;
        uc -= stepU[e] * ai;
      } else {
        const g = -2 - e;
        for (let s = groupStep[g]; s < groupStep[g] + groupSteps[g]; s++) {
          const ai = ac + stepF[s] * a2;
          a[acol + s] = ai;
          uc -= stepU[s] * ai;
        }
      }
      ac += a2;
      a2 = 0;
    }
    u[c] = uc;
  }
  // forward pass: cumulative hazard within strata, r_j Lambda_j
  let cum = 0;
  for (let g = nGroups - 1; g >= 0; g--) {
    const first = groupFirst[g];
    if (first === 0 || groupReset[g + 1] === 1) cum = 0;
    const last = groupLast[g];
    if (groupSteps[g] === 0) {
      for (let j = first; j <= last; j++) v[j] = risk[j] * cum;
      continue;
    }
    const lambdaDeath = cum + hazardDeath[g];
    const lambda = cum + hazard[g];
    for (let j = first; j <= last; j++) v[j] = risk[j] * (status[j] === 1 ? lambdaDeath : lambda);
    cum += hazard[g];
  }
  const { kernels, aOffset } = plan;
  const scratch = aOffset + ld * p;
  addWeightedGram(kernels, 0, n, n, p, v, 1, ipack, scratch);
  addWeightedGram(kernels, aOffset, ld, nSteps, p, stepGram, -1, ipack, scratch);
  for (let i = 0, idx = 0; i < p; i++) {
    for (let j = 0; j <= i; j++, idx++) {
      imat[i * p + j] = ipack[idx];
      imat[j * p + i] = ipack[idx];
    }
  }
  return loglik;
}
