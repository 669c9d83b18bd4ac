import type { SimdKernels } from '../penalized/simd-kernels.js';
import { createKernels } from '../penalized/simd-kernels.js';
import type { CoxData, CoxWork } from './cox-data.js';
import { addLinearCombination } from './linear-combination.js';
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
   * a_k columns of one row block's steps (`a`), then the scratch block of {@link addWeightedGram}.
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
  /** Per step: the Efron fraction f = (k + 1) / steps. */
  stepF: Float64Array;
  /** Per step: wtave / d_k^2, the weight of a_k a_k' in the information. */
  stepGram: Float64Array;
  /** Heap offset of `a`. */
  aOffset: number;
  /**
   * The a_k = sum of r_j x_j over the risk set of the Efron steps completed in one row block of
   * {@link riskSetSums} (step k at k - the block's first step), column-major with leading dimension `aLd`;
   * the last row a dummy for blocks of tied times where nobody fails.
   */
  a: Float64Array;
  aLd: number;
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
  /**
   * Per column (and a spare slot p): the score, risk-set and tied-death sums carried between the row blocks
   * of the a_k pass.
   */
  carry: Float64Array;
  /** Per row block of the a_k pass: the end of the steps whose a_k are complete after it (see blockStepEnds). */
  blockStepEnd: Int32Array;
}

/**
 * Plans {@link coxIterate} for sorted right-censored data `d`. The caller writes the centred/scaled
 * covariates (column-major, n x p) into the plan's `xc`, a view of its SIMD memory.
 */
export function prepareCoxIterate(d: CoxData): CoxIteratePlan {
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
  const blockStepEnd = blockStepEnds(n, nGroups, groupFirst, groupStep, nSteps);
  // the a_k of one row block at a time: at most the steps completed in a block, plus the dummy
  let aLd = 1;
  for (let b = 0, s0 = 0; b < blockStepEnd.length; s0 = blockStepEnd[b++])
    aLd = Math.max(aLd, blockStepEnd[b] - s0 + 1);
  const aOffset = n * p;
  const kernels = createKernels(aOffset + aLd * p + p * GRAM_BLOCK);
  const stepF = new Float64Array(nSteps);
  for (let g = 0; g < nGroups; g++) {
    const steps = groupSteps[g];
    for (let k = 0; k < steps; k++) stepF[groupStep[g] + k] = (k + 1) / steps;
  }
  return {
    n,
    p,
    kernels,
    xc: kernels.heap.subarray(0, n * p),
    nGroups,
    groupFirst: groupFirst.subarray(0, nGroups),
    groupLast: groupLast.subarray(0, nGroups),
    groupReset: groupReset.subarray(0, nGroups),
    groupStep: groupStep.subarray(0, nGroups),
    groupSteps: groupSteps.subarray(0, nGroups),
    groupDeadWt: groupDeadWt.subarray(0, nGroups),
    nSteps,
    stepF,
    stepGram: new Float64Array(nSteps),
    aOffset,
    a: kernels.heap.subarray(aOffset, aOffset + aLd * p),
    aLd,
    v: new Float64Array(n),
    hazard: new Float64Array(nGroups),
    hazardDeath: new Float64Array(nGroups),
    dead,
    deadWt,
    rowStep,
    stepU: new Float64Array(nSteps + 1),
    carry: new Float64Array(3 * (p + 1)),
    blockStepEnd,
  };
}

/**
 * Per row block of {@link riskSetSums} (from the last rows backwards): the end of the run of Efron steps
 * whose a_k are complete once the block is done (the steps of the groups whose lowest row is in or above it).
 */
function blockStepEnds(
  n: number,
  nGroups: number,
  groupFirst: Int32Array,
  groupStep: Int32Array,
  nSteps: number,
): Int32Array {
  const ends = new Int32Array(Math.ceil(n / ROW_BLOCK));
  let g = 0;
  for (let b = 0; b < ends.length; b++) {
    const i0 = Math.max(0, n - (b + 1) * ROW_BLOCK);
    while (g < nGroups && groupFirst[g] >= i0) g++;
    ends[b] = g < nGroups ? groupStep[g] : nSteps;
  }
  return ends;
}

/**
 * Rows per block of the row-blocked passes ({@link linearPredictor}, {@link riskSetSums}): a block of every
 * per-row array stays in cache while the p columns go by, so each pass reads the covariates once.
 */
const ROW_BLOCK = 2048;

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
 * the linear predictor and risk in row blocks, one scalar backward pass for the denominators, log-likelihood
 * and hazard, one scalar forward pass for r_j Lambda_j, one backward pass in row blocks for a_k, the score
 * and both Gram matrices (the block's columns and its a_k are still cached). The covariates are read from
 * memory twice per step (once at beta = 0); the p (p + 1) / 2 products per row and per event step run on
 * cached blocks.
 */
export function coxIterate(d: CoxData, plan: CoxIteratePlan, beta: Float64Array, work: CoxWork): number {
  linearPredictor(d, plan, beta, work);
  const loglik = riskSetDenominators(plan, work);
  hazardWeights(d, plan, work);
  const { p } = d;
  const { imat } = work;
  const ipack = work.imatPacked;
  ipack.fill(0);
  riskSetSums(d, plan, work);
  for (let i = 0, idx = 0; i < p; i++) {
    for (let j = 0; j <= i; j++, idx++) {
      imat[i * p + j] = ipack[idx];
      imat[j * p + i] = ipack[idx];
    }
  }
  return loglik;
}

/**
 * `work.eta` = offset + x'beta and `work.risk` = exp(eta) * weight per sorted row, in row blocks; the
 * covariates are not read at beta = 0 (the first step), nor exp taken without an offset.
 */
function linearPredictor(d: CoxData, plan: CoxIteratePlan, beta: Float64Array, work: CoxWork): void {
  const { n, p, offset, weight } = d;
  const { xc } = plan;
  const { eta, risk } = work;
  let zero = true;
  for (let c = 0; c < p && zero; c++) zero = beta[c] === 0;
  if (zero) {
    let noOffset = true;
    for (let i = 0; i < n && noOffset; i++) noOffset = offset[i] === 0;
    // exp(0) * weight is weight
    if (noOffset) risk.set(weight);
    else for (let i = 0; i < n; i++) risk[i] = Math.exp(offset[i]) * weight[i];
    eta.set(offset);
    return;
  }
  for (let i0 = 0; i0 < n; i0 += ROW_BLOCK) {
    const i1 = Math.min(n, i0 + ROW_BLOCK);
    for (let i = i0; i < i1; i++) eta[i] = offset[i];
    addLinearCombination(eta, xc, 0, n, beta, i0, i1);
    for (let i = i0; i < i1; i++) risk[i] = Math.exp(eta[i]) * weight[i];
  }
}

/**
 * Backwards over the blocks of tied times: the Efron-step denominators d_k (their score and information
 * weights in `plan.stepU` and `plan.stepGram`), the hazard increments, and the log partial likelihood
 * (returned).
 */
function riskSetDenominators(plan: CoxIteratePlan, work: CoxWork): number {
  const { nGroups, groupFirst, groupLast, groupReset, groupStep, groupSteps, groupDeadWt } = plan;
  const { stepF, stepGram, stepU, hazard, hazardDeath, dead, deadWt } = plan;
  const { eta, risk } = work;
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
    if (steps === 1) {
      // one step (a single death, or Breslow): f = 1, so the general loop's values are these, to the bit
      const s = groupStep[g];
      const wtave = groupDeadWt[g];
      const dk = denom + denom2;
      loglik -= wtave * Math.log(dk);
      const share = wtave / dk;
      stepU[s] = share;
      stepGram[s] = wtave / (dk * dk);
      hazard[g] = share;
      hazardDeath[g] = share;
    } else if (steps > 0) {
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
  return loglik;
}

/**
 * The risk-weighted covariate sums a_k of every Efron step (`plan.a`), the score `work.u`, and
 * X' diag(r Lambda) X - A' diag(wbar / d^2) A added to `work.imatPacked`, backwards over the rows in blocks:
 * within a block two columns at a time ({@link columnPairSums}), then the Gram products of the block's rows
 * and of the steps it completed, while both are cached. Needs `plan.v` ({@link hazardWeights}).
 */
function riskSetSums(d: CoxData, plan: CoxIteratePlan, work: CoxWork): void {
  const { n, p } = d;
  const { kernels, aOffset, aLd, v, stepGram, carry, blockStepEnd } = plan;
  const scratch = aOffset + aLd * p;
  const ipack = work.imatPacked;
  carry.fill(0);
  let s0 = 0;
  for (let b = 0, i1 = n; i1 > 0; b++, i1 -= ROW_BLOCK) {
    const i0 = Math.max(0, i1 - ROW_BLOCK);
    // four columns at a time, then pairs; an odd last column is paired with itself, its copy's sums going to
    // the spare carry slot p
    let c = 0;
    for (; c + 4 <= p; c += 4) columnQuadSums(d, plan, work, c, i0, i1, s0);
    for (; c < p; c += 2) columnPairSums(d, plan, work, c, c + 1 < p ? c + 1 : c, i0, i1, s0);
    addWeightedGram(kernels, 0, n, i0, i1, p, v, 1, ipack, scratch);
    const s1 = blockStepEnd[b];
    addWeightedGram(kernels, aOffset, aLd, 0, s1 - s0, p, stepGram.subarray(s0, s1), -1, ipack, scratch);
    s0 = s1;
  }
  for (let c = 0; c < p; c++) work.u[c] = carry[3 * c];
}

/**
 * {@link columnPairSums} for the four columns c0..c0+3 (four independent chains; the per-row values are read
 * once for the four).
 */
function columnQuadSums(
  d: CoxData,
  plan: CoxIteratePlan,
  work: CoxWork,
  c0: number,
  i0: number,
  i1: number,
  stepBase: number,
) {
  const { n, stratumEnd } = d;
  const { xc, groupStep, groupSteps, nSteps, stepF, stepU, a, aLd: ld, dead, deadWt, rowStep, carry } = plan;
  const { risk } = work;
  const x0 = c0 * n;
  const x1 = x0 + n;
  const x2 = x1 + n;
  const x3 = x2 + n;
  const a0 = c0 * ld;
  const a1 = a0 + ld;
  const a2 = a1 + ld;
  const a3 = a2 + ld;
  const k = 3 * c0;
  let u0 = carry[k];
  let s0 = carry[k + 1];
  let t0 = carry[k + 2];
  let u1 = carry[k + 3];
  let s1 = carry[k + 4];
  let t1 = carry[k + 5];
  let u2 = carry[k + 6];
  let s2 = carry[k + 7];
  let t2 = carry[k + 8];
  let u3 = carry[k + 9];
  let s3 = carry[k + 10];
  let t3 = carry[k + 11];
  for (let j = i1 - 1; j >= i0; j--) {
    if (stratumEnd[j] === 1) {
      s0 = 0;
      s1 = 0;
      s2 = 0;
      s3 = 0;
    }
    const xj0 = xc[x0 + j];
    const xj1 = xc[x1 + j];
    const xj2 = xc[x2 + j];
    const xj3 = xc[x3 + j];
    const r = risk[j];
    const dj = dead[j];
    const dw = deadWt[j];
    const rx0 = r * xj0;
    const rx1 = r * xj1;
    const rx2 = r * xj2;
    const rx3 = r * xj3;
    const drx0 = dj * rx0;
    const drx1 = dj * rx1;
    const drx2 = dj * rx2;
    const drx3 = dj * rx3;
    s0 += rx0 - drx0;
    s1 += rx1 - drx1;
    s2 += rx2 - drx2;
    s3 += rx3 - drx3;
    t0 += drx0;
    t1 += drx1;
    t2 += drx2;
    t3 += drx3;
    u0 += dw * xj0;
    u1 += dw * xj1;
    u2 += dw * xj2;
    u3 += dw * xj3;
    const e = rowStep[j];
    if (e === -1) continue;
    if (e >= 0) {
      const ai0 = s0 + t0;
      const ai1 = s1 + t1;
      const ai2 = s2 + t2;
      const ai3 = s3 + t3;
      const le = e === nSteps ? ld - 1 : e - stepBase;
      a[a0 + le] = ai0;
      a[a1 + le] = ai1;
      a[a2 + le] = ai2;
      a[a3 + le] = ai3;
      const su = stepU[e];
      u0 -= su * ai0;
      u1 -= su * ai1;
      u2 -= su * ai2;
      u3 -= su * ai3;
    } else {
      const g = -2 - e;
      for (let st = groupStep[g]; st < groupStep[g] + groupSteps[g]; st++) {
        const f = stepF[st];
        const ai0 = s0 + f * t0;
        const ai1 = s1 + f * t1;
        const ai2 = s2 + f * t2;
        const ai3 = s3 + f * t3;
        a[a0 + st - stepBase] = ai0;
        a[a1 + st - stepBase] = ai1;
        a[a2 + st - stepBase] = ai2;
        a[a3 + st - stepBase] = ai3;
        const su = stepU[st];
        u0 -= su * ai0;
        u1 -= su * ai1;
        u2 -= su * ai2;
        u3 -= su * ai3;
      }
    }
    s0 += t0;
    s1 += t1;
    s2 += t2;
    s3 += t3;
    t0 = 0;
    t1 = 0;
    t2 = 0;
    t3 = 0;
  }
  carry[k] = u0;
  carry[k + 1] = s0;
  carry[k + 2] = t0;
  carry[k + 3] = u1;
  carry[k + 4] = s1;
  carry[k + 5] = t1;
  carry[k + 6] = u2;
  carry[k + 7] = s2;
  carry[k + 8] = t2;
  carry[k + 9] = u3;
  carry[k + 10] = s3;
  carry[k + 11] = t3;
}

/**
 * For columns c1 and c2 (two independent chains of additions, interleaved for speed), rows i1 - 1 down to
 * i0: the running risk-set sums, each Efron step's a_k, and the score, continuing from and returned to
 * `plan.carry` (score, risk-set sum, tied-death sum per column; c2's at the spare slot p when c2 = c1).
 */
function columnPairSums(
  d: CoxData,
  plan: CoxIteratePlan,
  work: CoxWork,
  c1: number,
  c2: number,
  i0: number,
  i1: number,
  stepBase: number,
): void {
  const { n, stratumEnd } = d;
  const { xc, groupStep, groupSteps, nSteps, stepF, stepU, a, aLd: ld, dead, deadWt, rowStep, carry } = plan;
  const { risk } = work;
  const x1 = c1 * n;
  const x2 = c2 * n;
  const a1 = c1 * ld;
  const a2 = c2 * ld;
  const k1 = 3 * c1;
  const k2 = 3 * (c2 === c1 ? d.p : c2);
  let u1 = carry[k1];
  let s1 = carry[k1 + 1];
  let t1 = carry[k1 + 2];
  let u2 = carry[k2];
  let s2 = carry[k2 + 1];
  let t2 = carry[k2 + 2];
  for (let j = i1 - 1; j >= i0; j--) {
    if (stratumEnd[j] === 1) {
      s1 = 0;
      s2 = 0;
    }
    const xj1 = xc[x1 + j];
    const xj2 = xc[x2 + j];
    const r = risk[j];
    const dj = dead[j];
    const dw = deadWt[j];
    const rx1 = r * xj1;
    const rx2 = r * xj2;
    const drx1 = dj * rx1;
    const drx2 = dj * rx2;
    s1 += rx1 - drx1;
    s2 += rx2 - drx2;
    t1 += drx1;
    t2 += drx2;
    u1 += dw * xj1;
    u2 += dw * xj2;
    const e = rowStep[j];
    if (e === -1) continue;
    if (e >= 0) {
      const ai1 = s1 + t1;
      const ai2 = s2 + t2;
      const le = e === nSteps ? ld - 1 : e - stepBase;
      a[a1 + le] = ai1;
      a[a2 + le] = ai2;
      u1 -= stepU[e] * ai1;
      u2 -= stepU[e] * ai2;
    } else {
      const g = -2 - e;
      for (let s = groupStep[g]; s < groupStep[g] + groupSteps[g]; s++) {
        const ai1 = s1 + stepF[s] * t1;
        const ai2 = s2 + stepF[s] * t2;
        a[a1 + s - stepBase] = ai1;
        a[a2 + s - stepBase] = ai2;
        u1 -= stepU[s] * ai1;
        u2 -= stepU[s] * ai2;
      }
    }
    s1 += t1;
    s2 += t2;
    t1 = 0;
    t2 = 0;
  }
  carry[k1] = u1;
  carry[k1 + 1] = s1;
  carry[k1 + 2] = t1;
  carry[k2] = u2;
  carry[k2 + 1] = s2;
  carry[k2 + 2] = t2;
}

/** Forward over the blocks of tied times: `plan.v` = r_j Lambda_j, the cumulative hazard within strata. */
function hazardWeights(d: CoxData, plan: CoxIteratePlan, work: CoxWork): void {
  const { status } = d;
  const { nGroups, groupFirst, groupLast, groupReset, groupSteps, hazard, hazardDeath, v } = plan;
  const { risk } = work;
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
}
