import { assertOneOf } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { selectInPlace } from './select.js';
import { hasNaN } from './sorted.js';

/** Options of {@link quantile}. */
export interface QuantileOptions {
  /**
   * Sample quantile definition (Hyndman & Fan 1996), as R `quantile(type = )`: 7 interpolates between order
   * statistics at (n - 1)p + 1 (R's default); 2 is the inverse empirical distribution function with
   * averaging at discontinuities (SAS's default).
   * @default 7
   */
  type?: 7 | 2;
}

/**
 * Sample quantiles at probabilities `probs`, as R `quantile(x, probs, type)` (R 4.2 arithmetic, so results
 * agree to the last bit). Sorts one copy of the data.
 * @throws {TaceError} `INVALID_ARGUMENT` for a probability outside [0, 1]; `MISSING_VALUE` when `values`
 * holds `NaN` (remove missing values first, as R's `na.rm = TRUE`); `EMPTY_INPUT` when `values` is empty.
 * @example quantile([1, 2, 3, 4], [0.25, 0.5]) // Float64Array [1.75, 2.5]
 */
export function quantile(
  values: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: QuantileOptions = {},
): Float64Array {
  const type = options.type ?? 7;
  assertOneOf(String(type), 'type', ['7', '2']);
  if (values.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'cannot take quantiles of no values', { param: 'values' });
  }
  if (hasNaN(values)) {
    throw new TaceError('MISSING_VALUE', 'values hold NaN', {
      param: 'values',
      remedy: 'drop missing values first (R: na.rm = TRUE)',
    });
  }
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) {
      throw new TaceError('INVALID_ARGUMENT', `probs[${i}] must be in [0, 1], but was ${p}`, {
        param: 'probs',
      });
    }
  }
  // Only the order statistics the probabilities need are put in place (R's sort(partial = )).
  const sorted = Float64Array.from(values as ArrayLike<number>);
  const positions = new Set<number>();
  for (let i = 0; i < probs.length; i++)
    for (const k of orderStatistics(sorted.length, probs[i], type)) positions.add(k);
  selectInPlace(
    sorted,
    [...positions].sort((a, b) => a - b),
  );
  const out = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) {
    out[i] = type === 7 ? quantileType7(sorted, probs[i]) : quantileType2(sorted, probs[i]);
  }
  return out;
}

/**
 * Median, as R `median(x)`: the middle value, or the mean of the two middle values.
 * @throws {TaceError} as {@link quantile}.
 * @example median([3, 1, 2, 10]) // 2.5
 */
export function median(values: ArrayLike<number>): number {
  return quantile(values, [0.5])[0];
}

/** 0-based positions of the order statistics that quantile type 7 or 2 reads for probability p. */
function orderStatistics(n: number, p: number, type: 7 | 2): number[] {
  if (type === 7) {
    const index = 1 + Math.max(n - 1, 0) * p;
    return [Math.floor(index) - 1, Math.ceil(index) - 1];
  }
  const j = Math.floor(n * p);
  return [Math.min(Math.max(j, 1), n) - 1, Math.min(Math.max(j + 1, 1), n) - 1];
}

function quantileType7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1];
  const high = sorted[hi - 1];
  if (!(index > lo) || high === low) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

function quantileType2(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const nppm = n * p;
  const j = Math.floor(nppm);
  const h = nppm > j ? 1 : 0.5;
  // R pads the sorted data with its extremes: x[j + 2] and x[j + 3] in 1-based padded indexing.
  const at = (k: number) => sorted[Math.min(Math.max(k, 1), n) - 1];
  const a = at(j);
  const b = at(j + 1);
  if (h === 1) return b;
  if (a === b) return a;
  return 0.5 * a + 0.5 * b;
}
