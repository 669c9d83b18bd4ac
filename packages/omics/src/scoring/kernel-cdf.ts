import { normalCdf } from '@tace/core';
import { regularizedGammaQ } from '@tace/core/kernels';
import type { KernelCdf } from './types.js';

const PRECOMPUTE_RESOLUTION = 10000;
const MAX_PRECOMPUTE = 10;
let cdfTable: Float64Array | null = null;

/** GSVA's table of the standard normal CDF at 0, 0.001, ..., 10 (`initCdfs` in kernel_estimation.c). */
function precomputedTable(): Float64Array {
  if (cdfTable === null) {
    cdfTable = new Float64Array(PRECOMPUTE_RESOLUTION + 1);
    for (let i = 0; i <= PRECOMPUTE_RESOLUTION; i++) {
      cdfTable[i] = normalCdf((MAX_PRECOMPUTE * i) / PRECOMPUTE_RESOLUTION);
    }
  }
  return cdfTable;
}

/**
 * GSVA's approximation of the normal CDF Phi(x / sigma): 0 below -10, 1 above 10, otherwise the tabulated
 * value at |x / sigma| truncated down to a multiple of 0.001 (mirrored for negative arguments). This is what
 * GSVA 1.46 evaluates (`precomputedCdf`), reproduced so the scores match it exactly rather than the true CDF.
 */
export function gsvaNormalCdf(x: number, sigma: number, table: Float64Array = precomputedTable()): number {
  const v = x / sigma;
  if (v < -MAX_PRECOMPUTE) return 0;
  if (v > MAX_PRECOMPUTE) return 1;
  const cdf = table[Math.trunc((Math.abs(v) / MAX_PRECOMPUTE) * PRECOMPUTE_RESOLUTION)];
  return v < 0 ? 1 - cdf : cdf;
}

/** R `ppois(q, lambda)`: P(X <= floor(q + 1e-7)) for X ~ Poisson(lambda), via the regularised gamma Q. */
export function poissonCdf(q: number, lambda: number): number {
  const x = Math.floor(q + 1e-7);
  if (x < 0) return 0;
  if (lambda === 0 || !Number.isFinite(x)) return 1;
  return regularizedGammaQ(x + 1, lambda);
}

/** Sample standard deviation (n - 1), two-pass with mean correction as R's C code. */
function sampleSd(x: Float64Array): number {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  let mean = sum / n;
  if (Number.isFinite(mean)) {
    let correction = 0;
    for (let i = 0; i < n; i++) correction += x[i] - mean;
    mean += correction / n;
  }
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  return Math.sqrt(ss / (n - 1));
}

/**
 * GSVA's per-gene kernel estimate of where each sample lies in the gene's distribution across samples,
 * on the logit scale (`compute.gene.density` / `row_d`), for one gene's values `x` across the n samples:
 *
 * - `'gaussian'`: F_j = (1/n) sum_i Phi((x_j - x_i) / h), h = sd(x) / 4, Phi by {@link gsvaNormalCdf};
 * - `'poisson'`: F_j = (1/n) sum_i ppois(x_j, x_i + 0.5);
 * - `'none'`: F_j = empirical CDF of x at x_j;
 *
 * then out_j = -log((1 - F_j) / F_j) (+Infinity when F_j = 1).
 */
export function geneDensity(x: Float64Array, kcdf: KernelCdf, out: Float64Array): void {
  const n = x.length;
  if (kcdf === 'none') {
    for (let j = 0; j < n; j++) {
      let below = 0;
      for (let i = 0; i < n; i++) if (x[i] <= x[j]) below++;
      const f = below / n;
      out[j] = Math.log(f / (1 - f));
    }
    return;
  }
  if (kcdf === 'poisson') {
    for (let j = 0; j < n; j++) {
      let tail = 0;
      for (let i = 0; i < n; i++) tail += poissonCdf(x[j], x[i] + 0.5);
      tail /= n;
      out[j] = -1 * Math.log((1 - tail) / tail);
    }
    return;
  }
  const table = precomputedTable();
  const bw = sampleSd(x) / 4;
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const v = (xj - x[i]) / bw;
      if (v < -MAX_PRECOMPUTE) continue;
      if (v > MAX_PRECOMPUTE) {
        tail += 1;
        continue;
      }
      const cdf = table[Math.trunc((Math.abs(v) / MAX_PRECOMPUTE) * PRECOMPUTE_RESOLUTION)];
      tail += v < 0 ? 1 - cdf : cdf;
    }
    tail /= n;
    out[j] = -1 * Math.log((1 - tail) / tail);
  }
}
