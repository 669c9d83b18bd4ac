import { type OrderScratch, orderDecreasing, orderScratch } from './order.js';

/** Scratch buffers for {@link gsvaSample}. */
export interface GsvaScratch {
  order: Uint32Array;
  sort: OrderScratch;
  rankScore: Float64Array;
  mask: Uint8Array;
}

/** Allocates {@link GsvaScratch} for `nGenes` genes. */
export function gsvaScratch(nGenes: number): GsvaScratch {
  return {
    order: new Uint32Array(nGenes),
    sort: orderScratch(nGenes),
    rankScore: new Float64Array(nGenes),
    mask: new Uint8Array(nGenes),
  };
}

/** Random-walk options of {@link gsvaSample}. */
export interface GsvaWalkOptions {
  tau: number;
  maxDiff: boolean;
  absRanking: boolean;
}

/**
 * GSVA scores of every set in one sample, as GSVA 1.46 `compute.geneset.es` + `ks_matrix_R`:
 *
 * - genes are ordered by decreasing kernel density `density` (stable); the gene at position i (1-based)
 *   gets the symmetric rank score r = |n - i + 1 - n/2|;
 * - for a set S of k genes, walking down the order, the running sum gains r_g^tau / sum_S r^tau at a set
 *   gene and loses 1 / (n - k) otherwise; its largest positive and negative excursions are D+ and D-;
 * - score = D+ + D- (`maxDiff`), D+ - D- (`maxDiff` and `absRanking`), else the excursion larger in absolute
 *   value.
 *
 * @param density - the n genes' densities in this sample (see `geneDensity`).
 */
export function gsvaSample(
  density: Float64Array,
  sets: readonly Int32Array[],
  options: GsvaWalkOptions,
  out: Float64Array,
  outOffset: number,
  scratch: GsvaScratch,
): void {
  const n = density.length;
  const { order, rankScore, mask } = scratch;
  orderDecreasing(density, order, scratch.sort);
  for (let i = 0; i < n; i++) rankScore[order[i]] = Math.abs(n - i - n / 2);
  const { tau } = options;
  for (let k = 0; k < sets.length; k++) {
    const set = sets[k];
    const dec = 1 / (n - set.length);
    let sumSet = 0;
    for (let m = 0; m < set.length; m++) {
      sumSet += tau === 1 ? rankScore[set[m]] : rankScore[set[m]] ** tau;
      mask[set[m]] = 1;
    }
    let cum = 0;
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < n; i++) {
      const g = order[i];
      if (mask[g] === 1) cum += (tau === 1 ? rankScore[g] : rankScore[g] ** tau) / sumSet;
      else cum -= dec;
      if (cum > pos) pos = cum;
      if (cum < neg) neg = cum;
    }
    for (let m = 0; m < set.length; m++) mask[set[m]] = 0;
    let score: number;
    if (options.maxDiff) score = options.absRanking ? pos - neg : pos + neg;
    else score = pos > Math.abs(neg) ? pos : neg;
    out[outOffset + k] = score;
  }
}
