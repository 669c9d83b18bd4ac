import { mean } from './mean.js';

/**
 * Sample variance with denominator n - 1, as R `var(x)`: two passes (the mean of {@link mean}, then the
 * corrected sum of squared deviations), stable for data far from zero. `NaN` for fewer than two values
 * or when a value is `NaN`.
 * @example variance([1, 2, 3, 4]) // 1.6666666666666667
 */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    squares += d * d;
    deviations += d;
  }
  // Corrected two-pass formula (Chan, Golub & LeVeque 1983): removes the rounding error left in the mean.
  return (squares - (deviations * deviations) / n) / (n - 1);
}

/**
 * Sample standard deviation, as R `sd(x)`: the square root of {@link variance}.
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395
 */
export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}
