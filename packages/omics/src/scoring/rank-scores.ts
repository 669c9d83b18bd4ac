import { type OrderScratch, rankDecreasing } from './order.js';

/**
 * singscore (Foroutan et al. 2018, Bioconductor `singscore::simpleScore` for an up-set, `centerScore = TRUE`)
 * in one sample: genes ranked ascending with ties at their minimum rank (`rankGenes(tiesMethod = "min")`);
 * for a set of k genes with mean rank r, the score is (r - (k + 1)/2) / (N - k) - 0.5, i.e. the mean rank
 * scaled between its smallest ((k + 1)/2) and largest ((2N - k + 1)/2) possible values, then centred to
 * [-0.5, 0.5].
 */
export function singscoreSample(
  column: Float64Array,
  sets: readonly Int32Array[],
  out: Float64Array,
  outOffset: number,
  sort: OrderScratch,
): void {
  const n = column.length;
  rankDecreasing(column, sort);
  const { start, taken } = sort;
  for (let k = 0; k < sets.length; k++) {
    const set = sets[k];
    let sum = 0;
    for (let m = 0; m < set.length; m++) {
      const i = start[set[m]]; // tie group at decreasing positions i..i+size-1: minimum ascending rank n-i-size+1
      sum += n - i - taken[i] + 1;
    }
    const kg = set.length;
    out[outOffset + k] = (sum / kg - (kg + 1) / 2) / (n - kg) - 0.5;
  }
}
