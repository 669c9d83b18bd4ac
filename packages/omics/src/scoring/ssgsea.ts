import { orderDecreasing } from './order.js';

/** Scratch buffers for {@link ssgseaSample}, reusable across samples (one set per worker). */
export interface SsgseaScratch {
  order: Uint32Array;
  position: Float64Array;
  weight: Float64Array;
}

/** Allocates {@link SsgseaScratch} for `nGenes` genes. */
export function ssgseaScratch(nGenes: number): SsgseaScratch {
  return {
    order: new Uint32Array(nGenes),
    position: new Float64Array(nGenes),
    weight: new Float64Array(nGenes),
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
 * @param column - expression of the n genes in this sample.
 * @param sets - row indices of each set (distinct).
 * @param alpha - weight exponent (GSVA `tau`, default 0.25 there).
 * @param out - receives one score per set at `out[outOffset + k]`.
 */
export function ssgseaSample(
  column: Float64Array,
  sets: readonly Int32Array[],
  alpha: number,
  out: Float64Array,
  outOffset: number,
  scratch: SsgseaScratch,
): void {
  const n = column.length;
  const { order, position, weight } = scratch;
  orderDecreasing(column, order);
  // tie groups occupy positions i..j-1 (0-based, decreasing); their ascending ranks are n-j+1 .. n-i
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = column[order[i]];
    while (j < n && column[order[j]] === v) j++;
    const truncatedRank = Math.trunc((2 * n - i - j + 1) / 2);
    const w = alpha === 1 ? truncatedRank : truncatedRank ** alpha;
    for (let p = i; p < j; p++) {
      const g = order[p];
      position[g] = p + 1;
      weight[g] = w;
    }
    i = j;
  }
  const total = (n * (n + 1)) / 2;
  for (let k = 0; k < sets.length; k++) {
    const set = sets[k];
    let sumW = 0;
    let sumWeighted = 0;
    let sumReverse = 0;
    for (let m = 0; m < set.length; m++) {
      const g = set[m];
      const reverse = n - position[g] + 1;
      sumW += weight[g];
      sumWeighted += weight[g] * reverse;
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
