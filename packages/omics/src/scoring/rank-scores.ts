import { orderDecreasing } from './order.js';

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
  order: Uint32Array,
  rank: Float64Array,
): void {
  const n = column.length;
  orderDecreasing(column, order);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && column[order[j]] === column[order[i]]) j++;
    for (let p = i; p < j; p++) rank[order[p]] = n - j + 1;
    i = j;
  }
  for (let k = 0; k < sets.length; k++) {
    const set = sets[k];
    let sum = 0;
    for (let m = 0; m < set.length; m++) sum += rank[set[m]];
    const kg = set.length;
    out[outOffset + k] = (sum / kg - (kg + 1) / 2) / (n - kg) - 0.5;
  }
}
