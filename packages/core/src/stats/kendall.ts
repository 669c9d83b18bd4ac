import type { Alternative } from './alternative.js';
import { pValueFromTails } from './alternative.js';
import { normalCdf, normalSurvival } from './distributions.js';

/** Kendall's tau-b and its test, the parts {@link correlationTest} reports. */
export interface KendallTest {
  /** tau-b = (concordant - discordant) / sqrt((T0 - T1)(T0 - T2)). */
  tau: number;
  /** Exact test: T, the number of concordant pairs; otherwise the z of the normal approximation. */
  statistic: number;
  pValue: number;
}

/**
 * Kendall's rank correlation test as R `cor.test(method = "kendall")`: exact p from the distribution of the
 * number of concordant pairs (Mahonian numbers) when `exact` and there are no ties, otherwise the normal
 * approximation with R's tie-corrected variance of S. Pairs are compared directly: O(n^2).
 */
export function kendallTest(x: number[], y: number[], alternative: Alternative, exact: boolean): KendallTest {
  const n = x.length;
  let s = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) s += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
  }
  const tx = tieGroups(x);
  const ty = tieGroups(y);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sumOver(tx, (t) => t * (t - 1)) / 2;
  const t2 = sumOver(ty, (t) => t * (t - 1)) / 2;
  const tau = s / Math.sqrt((t0 - t1) * (t0 - t2));
  const ties = tx.length > 0 || ty.length > 0;
  if (exact && !ties) {
    const q = Math.round(((tau + 1) * n * (n - 1)) / 4);
    const counts = inversionCounts(n);
    let total = 0;
    for (const c of counts) total += c;
    // P(T <= q) and P(T >= q), each summed from its own end
    let lower = 0;
    for (let k = 0; k <= Math.min(q, counts.length - 1); k++) lower += counts[k];
    let upper = 0;
    for (let k = counts.length - 1; k >= Math.max(q, 0); k--) upper += counts[k];
    lower /= total;
    upper /= total;
    const pValue =
      alternative === 'two-sided'
        ? Math.min(1, 2 * (q > (n * (n - 1)) / 4 ? upper : lower))
        : alternative === 'greater'
          ? upper
          : lower;
    return { tau, statistic: q, pValue };
  }
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sumOver(tx, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sumOver(ty, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sumOver(tx, (t) => t * (t - 1)) * sumOver(ty, (t) => t * (t - 1));
  const v2 = sumOver(tx, (t) => t * (t - 1) * (t - 2)) * sumOver(ty, (t) => t * (t - 1) * (t - 2));
  const variance = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = (tau * Math.sqrt((t0 - t1) * (t0 - t2))) / Math.sqrt(variance);
  return { tau, statistic: z, pValue: pValueFromTails(alternative, normalCdf(z), normalSurvival(z)) };
}

/** Sizes (>= 2) of the groups of equal values. */
function tieGroups(values: number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

function sumOver(values: number[], f: (t: number) => number): number {
  let sum = 0;
  for (const v of values) sum += f(v);
  return sum;
}

/** Number of permutations of n items with k inversions, k = 0 .. n(n-1)/2 (Mahonian numbers). */
function inversionCounts(n: number): Float64Array {
  let counts = Float64Array.of(1);
  for (let m = 2; m <= n; m++) {
    const next = new Float64Array(counts.length + m - 1);
    // next[k] = sum of counts[k - j], j = 0 .. m - 1 (sliding window)
    let window = 0;
    for (let k = 0; k < next.length; k++) {
      if (k < counts.length) window += counts[k];
      if (k - m >= 0) window -= counts[k - m];
      next[k] = window;
    }
    counts = next;
  }
  return counts;
}
