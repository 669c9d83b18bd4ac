import { assertOneOf } from '../errors/assert.js';
import { sortOrder } from './sort-order.js';

/** How {@link rank} resolves ties, as R `rank(ties.method = )`. */
export type TiesMethod = 'average' | 'min' | 'max' | 'first';

/** Options of {@link rank}. */
export interface RankOptions {
  /**
   * Rank given to tied values: their mean rank (`'average'`), the lowest (`'min'`), the highest (`'max'`), or
   * increasing in order of appearance (`'first'`). Mirrors R's `ties.method`.
   * @default 'average'
   */
  ties?: TiesMethod;
}

/**
 * Ranks (1-based) of `values`, as R `rank(x, na.last = "keep", ties.method)`: `NaN` values get rank `NaN` and
 * are left out of the ranking. Sorts once: O(n log n).
 * @example rank([10, 20, 10, 30]) // Float64Array [1.5, 3, 1.5, 4]
 * @example rank([10, 20, 10, 30], { ties: 'min' }) // Float64Array [1, 3, 1, 4]
 */
export function rank(values: ArrayLike<number>, options: RankOptions = {}): Float64Array {
  const ties = options.ties ?? 'average';
  assertOneOf(ties, 'ties', ['average', 'min', 'max', 'first']);
  const n = values.length;
  const out = new Float64Array(n);
  const order = sortedOrder(values, out);
  const m = order.length;
  let start = 0;
  while (start < m) {
    let end = start + 1;
    const v = values[order[start]];
    while (end < m && values[order[end]] === v) end++;
    // positions start..end-1 (0-based) are tied: ranks start+1 .. end
    for (let k = start; k < end; k++) {
      const r =
        ties === 'average'
          ? (start + 1 + end) / 2
          : ties === 'min'
            ? start + 1
            : ties === 'max'
              ? end
              : k + 1;
      out[order[k]] = r;
    }
    start = end;
  }
  return out;
}

/**
 * Indices of the non-NaN values sorted by value (stable, so equal values keep their input order); writes NaN
 * into `out` at the NaN positions.
 */
function sortedOrder(values: ArrayLike<number>, out: Float64Array): Uint32Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) out[i] = Number.NaN;
    else m++;
  }
  if (m === n) return sortOrder(values);
  const present = new Float64Array(m);
  const where = new Uint32Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    if (!Number.isNaN(values[i])) {
      present[j] = values[i];
      where[j++] = i;
    }
  }
  const order = sortOrder(present);
  for (let k = 0; k < m; k++) order[k] = where[order[k]];
  return order;
}

/**
 * Sizes of the groups of tied values, from ranks or raw values (NaN ignored). Used by the rank tests'
 * tie corrections: sum(t^3 - t) over the tie groups.
 * @example tieCorrection([1, 2, 2, 3, 3, 3]) // (8 - 2) + (27 - 3) = 30
 */
export function tieCorrection(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).filter((v) => !Number.isNaN(v));
  sorted.sort();
  let total = 0;
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    const t = end - start;
    total += t * t * t - t;
    start = end;
  }
  return total;
}
