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
  const present: number[] = [];
  for (let i = 0; i < out.length; i++) if (!Number.isNaN(out[i])) present.push(i);
  const n = present.length;
  if (n <= 1 || method === 'none') return out;
  const p = present.map((i) => out[i]);
  const adjusted = new Float64Array(n);
  if (method === 'bonferroni') {
    for (let k = 0; k < n; k++) adjusted[k] = Math.min(1, n * p[k]);
  } else if (method === 'holm') {
    // ascending order, running maximum of (n + 1 - i) p_(i)
    const order = orderBy(p, 1);
    let running = -Infinity;
    for (let i = 0; i < n; i++) {
      running = Math.max(running, (n - i) * p[order[i]]);
      adjusted[order[i]] = Math.min(1, running);
    }
  } else {
    // descending order, running minimum of factor(i) p_(i), i = n .. 1
    const order = orderBy(p, -1);
    const q = method === 'BY' ? harmonic(n) : 1;
    let running = Infinity;
    for (let k = 0; k < n; k++) {
      const i = n - k;
      const factor = method === 'hochberg' ? n + 1 - i : method === 'BY' ? (q * n) / i : n / i;
      running = Math.min(running, factor * p[order[k]]);
      adjusted[order[k]] = Math.min(1, running);
    }
  }
  for (let k = 0; k < n; k++) out[present[k]] = adjusted[k];
  return out;
}

/** Stable order of `values` ascending (`direction` 1) or descending (-1), as R `order()`. */
function orderBy(values: number[], direction: 1 | -1): number[] {
  return values.map((_, i) => i).sort((a, b) => direction * (values[a] - values[b]) || a - b);
}

function harmonic(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += 1 / i;
  return sum;
}
