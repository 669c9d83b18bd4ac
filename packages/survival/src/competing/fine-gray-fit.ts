import { denseMatrix, solve } from '@tace/core';
import type { FineGrayData } from './fine-gray-data.js';
import { riskSetSums } from './fine-gray-data.js';

/** Negative log partial likelihood, its gradient and Hessian at beta (cmprsk `crrfsv`). */
export interface FineGrayObjective {
  value: number;
  gradient: Float64Array;
  /** p x p, column-major (the information matrix). */
  hessian: Float64Array;
}

/** The objective at beta; `withDerivatives = false` gives the value only (cmprsk `crrf`). */
export function fineGrayObjective(
  d: FineGrayData,
  beta: Float64Array,
  withDerivatives = true,
): FineGrayObjective {
  const p = d.p;
  const sums = riskSetSums(d, beta, withDerivatives);
  const m = sums.s0.length;
  let value = 0;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (let b = 0; b < m; b++) {
    const df = sums.failures[b];
    const s0 = sums.s0[b];
    let xb = 0;
    for (let j = 0; j < p; j++) xb += sums.failureX[b * p + j] * beta[j];
    value += df * Math.log(s0) - xb;
    if (!withDerivatives) continue;
    for (let j = 0; j < p; j++) {
      const mj = sums.s1[b * p + j] / s0;
      gradient[j] += df * mj - sums.failureX[b * p + j];
      for (let k = 0; k < p; k++) {
        hessian[j + k * p] += df * (sums.s2[b * p * p + j + k * p] / s0 - mj * (sums.s1[b * p + k] / s0));
      }
    }
  }
  return { value, gradient, hessian };
}

/** Result of {@link fineGrayNewton}. */
export interface FineGrayIterations {
  beta: Float64Array;
  objective: FineGrayObjective;
  converged: boolean;
  iterations: number;
}

/**
 * cmprsk `crr`'s Newton-Raphson with backtracking: stop when max |gradient_j| max(|b_j|, 1) < max(|value|, 1)
 * gtol; a step is halved (at most 20 times) until value(b + step) <= value(b) + 1e-4 step . gradient.
 */
export function fineGrayNewton(
  d: FineGrayData,
  init: Float64Array,
  gtol: number,
  maxIter: number,
): FineGrayIterations {
  const p = d.p;
  let beta = Float64Array.from(init);
  let obj = fineGrayObjective(d, beta);
  for (let iter = 0; ; iter++) {
    let lhs = 0;
    for (let j = 0; j < p; j++)
      lhs = Math.max(lhs, Math.abs(obj.gradient[j]) * Math.max(Math.abs(beta[j]), 1));
    if (lhs < Math.max(Math.abs(obj.value), 1) * gtol)
      return { beta, objective: obj, converged: true, iterations: iter };
    if (iter === maxIter) return { beta, objective: obj, converged: false, iterations: iter };
    const step = solve(denseMatrix(p, p, Float64Array.from(obj.hessian)), obj.gradient).data;
    let slope = 0;
    for (let j = 0; j < p; j++) {
      step[j] = -step[j];
      slope += step[j] * obj.gradient[j];
    }
    const next = new Float64Array(p);
    let halvings = 0;
    for (;;) {
      for (let j = 0; j < p; j++) next[j] = beta[j] + step[j];
      const value = fineGrayObjective(d, next, false).value;
      if (!Number.isNaN(value) && value <= obj.value + 1e-4 * slope) break;
      if (++halvings > 20) return { beta, objective: obj, converged: false, iterations: iter };
      for (let j = 0; j < p; j++) step[j] *= 0.5;
      slope *= 0.5;
    }
    beta = next;
    obj = fineGrayObjective(d, beta);
  }
}
