import { orderBy } from './argsort.js';

/**
 * Merges follow-up times that differ only by floating-point noise, as R survival's `aeqSurv` (the
 * `timefix = TRUE` default of `survfit`, `survdiff`, `coxph` and `concordance`): among the sorted distinct
 * times, a value within `tolerance` of the previous one (absolutely, or relative to the mean absolute
 * distinct time) is replaced by the first value of its run. Returns `time` itself when nothing is merged.
 * @example timeFix(Float64Array.of(1, 1 + 1e-12, 2)) // Float64Array [1, 1, 2]
 */
export function timeFix(time: Float64Array, tolerance = Math.sqrt(Number.EPSILON)): Float64Array {
  return timeFixOrdered(time, tolerance).time;
}

/**
 * {@link timeFix}, also returning the stable ascending order of the fixed times (so a caller that sorts by
 * time next does not sort again): one sort of `time`, merged runs then put back in input order.
 * @example timeFixOrdered(Float64Array.of(2, 1)).order // Int32Array [1, 0]
 */
export function timeFixOrdered(
  time: Float64Array,
  tolerance = Math.sqrt(Number.EPSILON),
): { time: Float64Array; order: Int32Array } {
  const n = time.length;
  const order = orderBy(n, [{ key: time }]);
  if (n < 2) return { time, order };
  const sorted = new Float64Array(n); // read once through the order, then sequentially
  for (let i = 0; i < n; i++) sorted[i] = time[order[i]];
  const meanAbs = meanAbsDistinct(sorted);
  let out: Float64Array | null = null;
  let cut = sorted[0];
  let previous = cut;
  // `order` sorts the original times, so it also sorts the merged ones (each run of merged times becomes
  // its first value); a stable sort of the merged times differs only inside a run, where it follows the
  // input order: such a run (`runStart` to i, indices not ascending) is sorted by index when it closes
  let runStart = 0;
  let runSorted = true;
  for (let i = 1; i < n; i++) {
    const t = sorted[i];
    if (t === previous) {
      if (out !== null) out[order[i]] = out[order[i - 1]];
    } else {
      const dy = t - previous;
      previous = t;
      if (dy <= tolerance || dy / meanAbs <= tolerance) {
        if (out === null) out = Float64Array.from(time);
        out[order[i]] = cut;
      } else {
        if (!runSorted) order.subarray(runStart, i).sort();
        cut = t;
        runStart = i;
        runSorted = true;
        continue;
      }
    }
    runSorted &&= order[i] > order[i - 1];
  }
  if (!runSorted) order.subarray(runStart, n).sort();
  return { time: out ?? time, order };
}

/** Mean absolute value of the distinct values of `sorted` (ascending), as R's `mean(abs(unique(y)))`. */
function meanAbsDistinct(sorted: Float64Array): number {
  const n = sorted.length;
  let sum = 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      sum += Math.abs(sorted[i]);
      distinct++;
    }
  }
  if (Number.isFinite(sum)) return sum / distinct;
  // the sum overflowed (times near 1e306): sum again scaled by 2^-64 (exact), as R's long-double sum
  // does not overflow; otherwise every relative difference would be 0 and all times would merge into one
  sum = 0;
  for (let i = 0; i < n; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sum += Math.abs(sorted[i]) * 2 ** -64;
  return (sum / distinct) * 2 ** 64;
}
