// Exact null distributions of the Wilcoxon statistics, as R's pwilcox / psignrank. Counts are built by
// additions only (no cancellation), so tail probabilities keep full relative precision.

/**
 * Counts of the rank-sum statistic W = R1 - m(m + 1)/2 for sample sizes m and n: entry w is the number of
 * m-subsets of {1, ..., m + n} with W = w (the coefficients of the Gaussian binomial [m + n choose m]_q).
 */
export function rankSumCounts(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  // counts[k][w]: k-subsets of the elements seen so far; add elements one by one (q-Pascal rule).
  let layers: Float64Array[] = [Float64Array.of(1)];
  for (let total = 1; total <= small + large; total++) {
    const next: Float64Array[] = [];
    const kMax = Math.min(total, small);
    for (let k = 0; k <= kMax; k++) {
      const size = k * (total - k) + 1;
      const row = new Float64Array(size);
      // [total, k] = [total-1, k-1] + q^k [total-1, k]
      const without = k - 1 >= 0 && k - 1 < layers.length ? layers[k - 1] : null;
      if (without !== null) for (let w = 0; w < without.length && w < size; w++) row[w] += without[w];
      const withShift = k < layers.length && total - 1 >= k ? layers[k] : null;
      if (withShift !== null) for (let w = 0; w < withShift.length; w++) row[w + k] += withShift[w];
      next.push(row);
    }
    layers = next;
  }
  return layers[small];
}

/**
 * Counts of the signed-rank statistic V for n non-zero differences: entry v is the number of subsets of
 * {1, ..., n} with sum v.
 */
export function signedRankCounts(n: number): Float64Array {
  const maxSum = (n * (n + 1)) / 2;
  const counts = new Float64Array(maxSum + 1);
  counts[0] = 1;
  let reach = 0;
  for (let k = 1; k <= n; k++) {
    reach += k;
    for (let v = reach; v >= k; v--) counts[v] += counts[v - k];
  }
  return counts;
}

/** P(S <= q) and P(S >= q) from counts, each summed from its own end. */
export function tailsFromCounts(counts: Float64Array, q: number): { lower: number; upper: number } {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  let lower = 0;
  for (let i = 0; i <= Math.min(Math.floor(q), counts.length - 1); i++) lower += counts[i];
  let upper = 0;
  for (let i = counts.length - 1; i >= Math.max(Math.ceil(q), 0); i--) upper += counts[i];
  return { lower: lower / total, upper: upper / total };
}
