import { assertOneOf } from '../errors/assert.js';
import { sortOrder } from './sort-order.js';

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
  const present = new Float64Array(n);
  const where = new Uint32Array(n);
  for (let i = 0, k = 0; i < out.length; i++) {
    if (!Number.isNaN(out[i])) {
      present[k] = out[i];
      where[k++] = i;
    }
  }
  const order = sortOrder(present); // ascending, stable (R: order(p))
  const at = (k: number) => where[order[k]];
  if (method === 'bonferroni') {
    for (let k = 0; k < n; k++) out[at(k)] = Math.min(1, n * out[at(k)]);
  } else if (method === 'holm') {
    // ascending: running maximum of (n + 1 - i) p_(i), i = 1 .. n
    let running = -Infinity;
    for (let k = 0; k < n; k++) {
      running = Math.max(running, (n - k) * out[at(k)]);
      out[at(k)] = Math.min(1, running);
    }
  } else {
    // descending: running minimum of factor(i) p_(i), i = n .. 1 (tied p-values end up equal either way)
    const q = method === 'BY' ? harmonic(n) : 1;
    let running = Infinity;
    for (let i = n; i >= 1; i--) {
      const factor = method === 'hochberg' ? n + 1 - i : method === 'BY' ? (q * n) / i : n / i;
      running = Math.min(running, factor * out[at(i - 1)]);
      out[at(i - 1)] = Math.min(1, running);
    }
  }
  return out;
}

function harmonic(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += 1 / i;
  return sum;
}
