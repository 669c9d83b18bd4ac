import { assertOneOf } from '../errors/assert.js';

/** Multiple-testing corrections of {@link pAdjust}, as R `p.adjust(method = )`. */
export type PAdjustMethod = 'BH' | 'BY' | 'bonferroni' | 'holm' | 'hochberg' | 'none';

/**
 * Adjusts p-values for multiple comparisons, as R `p.adjust(p, method)`: Benjamini-Hochberg (`'BH'`, false
 * discovery rate), Benjamini-Yekutieli (`'BY'`), Bonferroni, Holm, Hochberg. `NaN` entries stay `NaN` and do
 * not count towards the number of tests (R's behaviour with `NA`).
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown method.
 * @example pAdjust([0.01, 0.02, 0.03, 0.04], 'BH') // all 0.04 (up to rounding)
 */
export function pAdjust(pValues: ArrayLike<number>, method: PAdjustMethod): Float64Array {
  assertOneOf(method, 'method', ['BH', 'BY', 'bonferroni', 'holm', 'hochberg', 'none']);
  const out = Float64Array.from(pValues as ArrayLike<number>);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i])) n++;
  if (n <= 1 || method === 'none') return out;
  // Adjust the sorted p-values, then map back by value: tied p-values get equal adjusted values under every
  // method (R's running max / min makes them equal too), so a binary search by value finds each one's result.
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < out.length; i++) if (!Number.isNaN(out[i])) sorted[k++] = out[i];
  sorted.sort();
  const adjusted = new Float64Array(n);
  if (method === 'bonferroni') {
    for (let k = 0; k < n; k++) adjusted[k] = Math.min(1, n * sorted[k]);
  } else if (method === 'holm') {
    // ascending: running maximum of (n + 1 - i) p_(i), i = 1 .. n
    let running = -Infinity;
    for (let k = 0; k < n; k++) {
      running = Math.max(running, (n - k) * sorted[k]);
      adjusted[k] = Math.min(1, running);
    }
  } else {
    // descending: running minimum of factor(i) p_(i), i = n .. 1
    const q = method === 'BY' ? harmonic(n) : 1;
    let running = Infinity;
    for (let i = n; i >= 1; i--) {
      const factor = method === 'hochberg' ? n + 1 - i : method === 'BY' ? (q * n) / i : n / i;
      running = Math.min(running, factor * sorted[i - 1]);
      adjusted[i - 1] = Math.min(1, running);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (Number.isNaN(v)) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = adjusted[lo];
  }
  return out;
}

function harmonic(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += 1 / i;
  return sum;
}
