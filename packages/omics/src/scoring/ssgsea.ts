import { type OrderScratch, orderScratch, rankDecreasing } from './order.js';

/** Scratch buffers for {@link ssgseaSample}, reusable across samples (one set per worker). */
export interface SsgseaScratch {
  sort: OrderScratch;
  /** powers[r] = r^alpha for the integer ranks r = 0..n. */
  powers: Float64Array;
}

/** Allocates {@link SsgseaScratch} for `nGenes` genes and weight exponent `alpha`. */
export function ssgseaScratch(nGenes: number, alpha: number): SsgseaScratch {
  return {
    sort: orderScratch(nGenes),
    powers: Float64Array.from({ length: nGenes + 1 }, (_, r) => (alpha === 1 ? r : r ** alpha)),
  };
}

/**
 * ssGSEA enrichment of every set in one sample, as GSVA 1.46 `ssgsea()` / `.fastRndWalk` (before the
 * optional normalisation):
 *
 * - genes are ranked in the sample by R `colRanks(ties.method = "average")` truncated to integers
 *   (GSVA sets `mode(R) <- "integer"`), r_g in 1..n, highest expression = n;
 * - genes are ordered by decreasing r (stable), giving positions p_g = 1..n;
 * - for a set S of k genes found, with weights w_g = r_g^alpha,
 *   ES = sum_S w_g (n - p_g + 1) / sum_S w_g - (n (n + 1) / 2 - sum_S (n - p_g + 1)) / (n - k),
 *   the sum over positions of the running-sum difference of the weighted in-set and out-of-set CDFs
 *   (Barbie et al. 2009).
 *
 * Only the set genes' ranks and positions are read, so the cost is one sort of the sample plus O(set sizes).
 *
 * @param column - expression of the n genes in this sample.
 * @param sets - row indices of each set (distinct).
 * @param out - receives one score per set at `out[outOffset + k]`.
 * @param scratch - from {@link ssgseaScratch} (its `alpha` is the weight exponent, GSVA `tau`).
 */
export function ssgseaSample(
  column: Float64Array,
  sets: readonly Int32Array[],
  out: Float64Array,
  outOffset: number,
  scratch: SsgseaScratch,
): void {
  const n = column.length;
  const { sort, powers } = scratch;
  rankDecreasing(column, sort);
  const { start, position, taken } = sort;
  const total = (n * (n + 1)) / 2;
  for (let k = 0; k < sets.length; k++) {
    const set = sets[k];
    let sumW = 0;
    let sumWeighted = 0;
    let sumReverse = 0;
    for (let m = 0; m < set.length; m++) {
      const g = set[m];
      // tie group at decreasing positions i..j-1 (0-based) has ascending ranks n-j+1..n-i: mean truncated
      const i = start[g];
      const j = i + taken[i];
      const w = powers[Math.trunc((2 * n - i - j + 1) / 2)];
      const reverse = n - position[g]; // n - p + 1 with p = position + 1
      sumW += w;
      sumWeighted += w * reverse;
      sumReverse += reverse;
    }
    out[outOffset + k] = sumWeighted / sumW - (total - sumReverse) / (n - set.length);
  }
}

/**
 * Divides every score by the range (max - min) of the whole score matrix, as GSVA `ssgsea.norm = TRUE`.
 * In place. A matrix containing NaN becomes all NaN (R's `range()` is NA then).
 */
export function normalizeByRange(values: Float64Array): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      values.fill(Number.NaN);
      return;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  for (let i = 0; i < values.length; i++) values[i] /= range;
}
