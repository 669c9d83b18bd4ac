/**
 * Arithmetic mean, as R `mean(x)`: a compensated (Neumaier) sum, then one refinement pass adding the mean
 * residual (the two-pass scheme R uses). `NaN` when `values` is empty or holds a `NaN`.
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const first = compensatedSum(values) / n;
  if (!Number.isFinite(first)) return first;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i] - first;
  return first + residual / n;
}

/**
 * Sum with Neumaier's compensation: error independent of `n` for well-conditioned sums.
 * @example compensatedSum([1e16, 1, -1e16]) // 1
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
