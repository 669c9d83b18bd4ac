import type { FineGrayData } from './fine-gray-data.js';
import { riskSetSums } from './fine-gray-data.js';

/**
 * The middle of Fine & Gray's (1999) sandwich (cmprsk `crrvv`): sum_i eta_i eta_i', eta_i = the score
 * residual of subject i under the weighted risk sets plus the term for the estimated censoring distribution,
 *   sum over censoring times u of q_g(u) / Y_g(u) dM^C_i(u),
 * with q_g(u) = sum over failures j1 (group g) at or after u of G_g(T_j1-) / S0_j1 times sum over other
 * failures j2 (group g) before u of exp(x_j2 b) / G_g(T_j2-) (x_j2 - S1_j1 / S0_j1). Prefix and suffix sums
 * give O(n p) after the risk-set sums (cmprsk loops are O(n^2)). Returns p x p column-major.
 */
export function fineGrayScoreVariance(d: FineGrayData, beta: Float64Array): Float64Array {
  const { n, p, x, time, kind, censorGroup: cg, gBefore } = d;
  const G = d.nGroups;
  const sums = riskSetSums(d, beta, false);
  const m = sums.s0.length;
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += x[i + j * n] * beta[j];
    risk[i] = Math.exp(eta);
  }
  // block of each failure time, mean covariate per failure time
  const mean = new Float64Array(m * p);
  for (let b = 0; b < m; b++) for (let j = 0; j < p; j++) mean[b * p + j] = sums.s1[b * p + j] / sums.s0[b];
  // A (failures at or before t): per-failure 1/S0 and mean/S0, prefix over blocks (weighted by block size)
  // B_g (failures after t): G_g(t_j-)/S0 and G_g mean/S0, suffix over blocks
  const a0 = new Float64Array(m + 1);
  const a1 = new Float64Array((m + 1) * p);
  for (let b = 0; b < m; b++) {
    const w = sums.failures[b] / sums.s0[b];
    a0[b + 1] = a0[b] + w;
    for (let j = 0; j < p; j++) a1[(b + 1) * p + j] = a1[b * p + j] + w * mean[b * p + j];
  }
  const b0 = new Float64Array((m + 1) * G);
  const b1 = new Float64Array((m + 1) * G * p);
  // alpha_g / beta_g for q: failures in group g only
  const al0 = new Float64Array((m + 1) * G);
  const al1 = new Float64Array((m + 1) * G * p);
  const failuresInGroup = new Float64Array(m * G);
  for (let b = 0; b < m; b++) {
    for (let i = d.failureBlocks[b]; i < d.failureBlockEnds[b]; i++)
      if (kind[i] === 1) failuresInGroup[b * G + cg[i]]++;
  }
  for (let b = m - 1; b >= 0; b--) {
    const start = d.failureBlocks[b];
    for (let g = 0; g < G; g++) {
      const gb = gBefore[start + g * n];
      const w = (sums.failures[b] * gb) / sums.s0[b];
      const wg = (failuresInGroup[b * G + g] * gb) / sums.s0[b];
      b0[b * G + g] = b0[(b + 1) * G + g] + w;
      al0[b * G + g] = al0[(b + 1) * G + g] + wg;
      for (let j = 0; j < p; j++) {
        b1[(b * G + g) * p + j] = b1[((b + 1) * G + g) * p + j] + w * mean[b * p + j];
        al1[(b * G + g) * p + j] = al1[((b + 1) * G + g) * p + j] + wg * mean[b * p + j];
      }
    }
  }
  const atRisk = new Float64Array(G);
  for (let i = 0; i < n; i++) atRisk[cg[i]]++;
  const p0 = new Float64Array(G); // other failures before the current time, per group
  const p1 = new Float64Array(G * p);
  const ss2 = new Float64Array(G * p);
  const q = new Float64Array(G * p);
  const eta = new Float64Array(p);
  const middle = new Float64Array(p * p);
  let blocksDone = 0; // failure blocks with time <= current time
  let blocksBefore = 0; // failure blocks with time < current time
  for (let lo = 0; lo < n; ) {
    let hi = lo;
    let censored = false;
    while (hi < n && time[hi] === time[lo]) {
      if (kind[hi] === 0) censored = true;
      hi++;
    }
    while (blocksBefore < m && time[d.failureBlocks[blocksBefore]] < time[lo]) blocksBefore++;
    blocksDone = blocksBefore;
    if (blocksDone < m && time[d.failureBlocks[blocksDone]] === time[lo]) blocksDone++;
    if (censored) {
      // q_g(u) with failures at or after u (suffix from blocksBefore) and other failures before u
      for (let g = 0; g < G; g++) {
        const alpha = al0[blocksBefore * G + g];
        for (let j = 0; j < p; j++)
          q[g * p + j] = p1[g * p + j] * alpha - p0[g] * al1[(blocksBefore * G + g) * p + j];
      }
      for (let i = lo; i < hi; i++) {
        if (kind[i] !== 0) continue;
        const g = cg[i];
        for (let j = 0; j < p; j++) ss2[g * p + j] -= q[g * p + j] / (atRisk[g] * atRisk[g]);
      }
    }
    for (let i = lo; i < hi; i++) {
      const g = cg[i];
      for (let j = 0; j < p; j++) {
        const xi = x[i + j * n];
        let e = -risk[i] * (xi * a0[blocksDone] - a1[blocksDone * p + j]);
        if (kind[i] === 2) {
          e -=
            (risk[i] / gBefore[i + g * n]) * (xi * b0[blocksDone * G + g] - b1[(blocksDone * G + g) * p + j]);
        }
        if (kind[i] === 1) e += xi - mean[(blocksDone - 1) * p + j];
        e += ss2[g * p + j];
        if (kind[i] === 0) e += q[g * p + j] / atRisk[g];
        eta[j] = e;
      }
      for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) middle[j + k * p] += eta[j] * eta[k];
    }
    for (let i = lo; i < hi; i++) {
      atRisk[cg[i]]--;
      if (kind[i] === 2) {
        const g = cg[i];
        const w = risk[i] / gBefore[i + g * n];
        p0[g] += w;
        for (let j = 0; j < p; j++) p1[g * p + j] += w * x[i + j * n];
      }
    }
    lo = hi;
  }
  return middle;
}
