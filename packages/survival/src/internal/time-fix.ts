/**
 * Merges follow-up times that differ only by floating-point noise, as R survival's `aeqSurv` (the
 * `timefix = TRUE` default of `survfit`, `survdiff`, `coxph` and `concordance`): among the sorted distinct
 * times, a value within `tolerance` of the previous one (absolutely, or relative to the mean absolute
 * time) is replaced by the first value of its run. Returns `time` itself when nothing is merged.
 * @example timeFix(Float64Array.of(1, 1 + 1e-12, 2)) // Float64Array [1, 1, 2]
 */
export function timeFix(time: Float64Array, tolerance = Math.sqrt(Number.EPSILON)): Float64Array {
  const y = Float64Array.from(new Set(time)).sort();
  const m = y.length;
  if (m < 2) return time;
  let meanAbs = 0;
  for (let i = 0; i < m; i++) meanAbs += Math.abs(y[i]) / m;
  // map every distinct time to the first time of its run of near-ties
  const replace = new Map<number, number>();
  let cut = y[0];
  for (let i = 1; i < m; i++) {
    const dy = y[i] - y[i - 1];
    if (dy <= tolerance || dy / meanAbs <= tolerance) replace.set(y[i], cut);
    else cut = y[i];
  }
  if (replace.size === 0) return time;
  return time.map((t) => replace.get(t) ?? t);
}
