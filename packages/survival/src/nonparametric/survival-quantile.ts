/** Scratch of {@link survivalQuantile}, grown to the longest curve seen. */
let buffers = { xs: new Float64Array(0), ys: new Float64Array(0) };

/**
 * The time at which a step curve `1 - surv` first reaches probability `p`, as R survival's
 * `quantile.survfit` (internal `findq`): on a flat stretch equal to `p` within `tolerance`, the midpoint
 * between its start and the next jump (the usual median rule); at a flat end, the midpoint with the last
 * follow-up time. `NaN` values in `surv` (undefined limits) are skipped; `NaN` when never reached.
 *
 * @param time - the curve's time points (all distinct follow-up times), ascending.
 * @param surv - survival (or a confidence limit) at each time point.
 * @param firstTime - time reported for p = 0 (R uses 0).
 */
export function survivalQuantile(
  time: Float64Array,
  surv: Float64Array,
  p: number,
  firstTime = 0,
  tolerance = Math.sqrt(Number.EPSILON),
): number {
  return survivalQuantiles(time, surv, [p], firstTime, tolerance)[0];
}

/**
 * {@link survivalQuantile} at each of `probs`, building the de-duplicated step curve once (a curve of 1e6
 * times is scanned once for all probabilities, not once per probability and limit).
 */
export function survivalQuantiles(
  time: Float64Array,
  surv: Float64Array,
  probs: readonly number[],
  firstTime = 0,
  tolerance = Math.sqrt(Number.EPSILON),
): Float64Array {
  const { m, maxY } = distinctSteps(time, surv, firstTime);
  const xmax = time.length > 0 ? time[time.length - 1] : firstTime;
  const { xs, ys } = buffers;
  const bounds = probs.flatMap((p) => [p - tolerance, p + tolerance]);
  const at = firstReaching(ys, m, bounds);
  return Float64Array.from(probs, (p, q) => {
    if (maxY < p) return Number.NaN;
    if (p === 0) return xs[0];
    const [i1, i2] = [at[2 * q], at[2 * q + 1]];
    const last = ys[m - 1];
    if (!Number.isNaN(last) && Math.abs(p - last) < tolerance) {
      return i1 < 0 ? Number.NaN : (xs[i1] + xmax) / 2;
    }
    if (i1 < 0 || i2 < 0) return Number.NaN;
    return (xs[i1] + xs[i2]) / 2;
  });
}

/**
 * For each bound, the first of the `m` steps with `ys >= bound` (NaN never), or -1: one scan for all bounds,
 * taken in ascending order (the first step reaching a larger bound is never before that of a smaller one).
 */
function firstReaching(ys: Float64Array, m: number, bounds: readonly number[]): Int32Array {
  const at = new Int32Array(bounds.length).fill(-1);
  const ascending = bounds.map((_, k) => k).sort((a, b) => bounds[a] - bounds[b]);
  let i = 0;
  for (const k of ascending) {
    while (i < m && !(ys[i] >= bounds[k])) i++;
    if (i === m) break;
    at[k] = i;
  }
  return at;
}

/**
 * x = c(firstTime, time), y = c(0, 1 - surv) with duplicated y removed (the first kept, one NaN kept), into
 * the reused buffers (a curve of 1e6 times would otherwise grow two boxed arrays per call).
 */
function distinctSteps(
  time: Float64Array,
  surv: Float64Array,
  firstTime: number,
): { m: number; maxY: number } {
  const n = time.length;
  if (buffers.xs.length < n + 1) buffers = { xs: new Float64Array(n + 1), ys: new Float64Array(n + 1) };
  const { xs, ys } = buffers;
  xs[0] = firstTime;
  ys[0] = 0;
  let m = 1;
  let sawNaN = false;
  let maxY = 0;
  for (let i = 0; i < n; i++) {
    const y = 1 - surv[i];
    if (Number.isNaN(y)) {
      if (sawNaN) continue;
      sawNaN = true;
    } else {
      let dup = false;
      for (let k = m - 1; k >= 0; k--) {
        if (ys[k] === y) {
          dup = true;
          break;
        }
        if (!Number.isNaN(ys[k]) && ys[k] < y) break;
      }
      if (dup) continue;
      if (y > maxY) maxY = y;
    }
    xs[m] = time[i];
    ys[m] = y;
    m++;
  }
  return { m, maxY };
}
