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

/** Cumulative tails of an exact null distribution: lower[s] = P(S <= s), upper[s] = P(S >= s). */
export interface ExactTails {
  lower: Float64Array;
  upper: Float64Array;
}

/** Cumulative tails from counts, each summed from its own end (no 1 - p cancellation). */
export function tailsOf(counts: Float64Array): ExactTails {
  const size = counts.length;
  let total = 0;
  for (let i = 0; i < size; i++) total += counts[i];
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  let running = 0;
  for (let i = 0; i < size; i++) {
    running += counts[i];
    lower[i] = running / total;
  }
  running = 0;
  for (let i = size - 1; i >= 0; i--) {
    running += counts[i];
    upper[i] = running / total;
  }
  return { lower, upper };
}

/** P(S <= q) and P(S >= q) for a statistic q on the integer grid of `tails` (half-integers floor / ceil). */
export function tailsAt(tails: ExactTails, q: number): { lower: number; upper: number } {
  const size = tails.lower.length;
  const lo = Math.floor(q);
  const hi = Math.ceil(q);
  return {
    lower: lo < 0 ? 0 : lo >= size ? 1 : tails.lower[lo],
    upper: hi >= size ? 0 : hi <= 0 ? 1 : tails.upper[hi],
  };
}

// Exact distributions are cached by sample size: a rank test run gene by gene (same group sizes) builds its
// null distribution once. At most CACHE_LIMIT entries (oldest dropped), each at most 50 x 50 doubles.
const CACHE_LIMIT = 64;
const cache = new Map<string, ExactTails>();

/** Exact tails of the rank-sum statistic for sizes m and n (cached). */
export function rankSumTails(m: number, n: number): ExactTails {
  return cached(`w${m},${n}`, () => tailsOf(rankSumCounts(m, n)));
}

/** Exact tails of the signed-rank statistic for n non-zero differences (cached). */
export function signedRankTails(n: number): ExactTails {
  return cached(`v${n}`, () => tailsOf(signedRankCounts(n)));
}

function cached(key: string, build: () => ExactTails): ExactTails {
  let tails = cache.get(key);
  if (tails === undefined) {
    tails = build();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, tails);
  }
  return tails;
}
