import { assertInRange, assertSameLength } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { type Alternative, checkAlternative } from './alternative.js';
import { studentTCdf, studentTQuantile, studentTSurvival } from './distributions.js';
import { mean } from './mean.js';
import { variance } from './variance.js';

/** Options of the t-tests. */
export interface TTestOptions {
  /** Alternative hypothesis (R `alternative`). @default 'two-sided' */
  alternative?: Alternative;
  /** Difference in means (or mean, one-sample) under the null (R `mu`). @default 0 */
  mu?: number;
  /** Confidence level of the interval (R `conf.level`). @default 0.95 */
  confLevel?: number;
}

/** Result of the t-tests. */
export interface TTestResult {
  /** The t statistic. */
  statistic: number;
  /** Degrees of freedom (Welch-Satterthwaite for {@link welchTTest}). */
  df: number;
  pValue: number;
  /** Confidence interval for the difference in means (or the mean); one side infinite for one-sided tests. */
  confidenceInterval: [number, number];
  /** Mean difference x - y (two-sample), mean of the differences (paired) or mean of x (one-sample). */
  estimate: number;
  /** Standard error of the estimate. */
  standardError: number;
  /** Numbers of non-missing values used from x and y (y: 0 for one-sample and paired tests). */
  nx: number;
  ny: number;
  /** Values (or pairs) dropped for NaN. */
  omitted: number;
}

/**
 * Welch's unequal-variance two-sample t-test, as R `t.test(x, y)` (var.equal = FALSE, R's default):
 * t = (mean x - mean y - mu) / sqrt(vx/nx + vy/ny) with Welch-Satterthwaite degrees of freedom.
 * NaN values are dropped from each sample.
 * @throws {TaceError} `EMPTY_INPUT` with fewer than two values in a sample; `INVALID_ARGUMENT` when the data
 * are essentially constant (R: "data are essentially constant").
 * @example welchTTest([19.1, 20.3, 21.7, 18.4], [22.9, 24.1, 21.0, 25.3, 23.8]).pValue
 */
export function welchTTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: TTestOptions = {},
): TTestResult {
  const xs = dropNaN(x);
  const ys = dropNaN(y);
  requireSize(xs, 2, 'x');
  requireSize(ys, 2, 'y');
  const vx = variance(xs) / xs.length;
  const vy = variance(ys) / ys.length;
  const standardError = Math.sqrt(vx + vy);
  const df = standardError ** 4 / ((vx * vx) / (xs.length - 1) + (vy * vy) / (ys.length - 1));
  return finish(xs, ys, mean(xs) - mean(ys), standardError, df, options, x.length + y.length);
}

/**
 * Student's two-sample t-test with pooled variance, as R `t.test(x, y, var.equal = TRUE)`:
 * df = nx + ny - 2, pooled variance ((nx - 1) vx + (ny - 1) vy) / df.
 * @throws {TaceError} as {@link welchTTest} (needs nx + ny >= 3).
 * @example studentTTest([19.1, 20.3, 21.7, 18.4], [22.9, 24.1, 21.0, 25.3, 23.8]).df // 7
 */
export function studentTTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: TTestOptions = {},
): TTestResult {
  const xs = dropNaN(x);
  const ys = dropNaN(y);
  requireSize(xs, 1, 'x');
  requireSize(ys, 1, 'y');
  const df = xs.length + ys.length - 2;
  if (df < 1) {
    throw new TaceError('EMPTY_INPUT', 'need at least three values in x and y together', { param: 'x' });
  }
  let pooled = 0;
  if (xs.length > 1) pooled += (xs.length - 1) * variance(xs);
  if (ys.length > 1) pooled += (ys.length - 1) * variance(ys);
  pooled /= df;
  const standardError = Math.sqrt(pooled * (1 / xs.length + 1 / ys.length));
  return finish(xs, ys, mean(xs) - mean(ys), standardError, df, options, x.length + y.length);
}

/**
 * One-sample t-test of mean(x) = mu, or the paired t-test on x - y when `y` is given, as R `t.test(x, mu = )`
 * and `t.test(x, y, paired = TRUE)`.
 * @throws {TaceError} `LENGTH_MISMATCH` (paired); `EMPTY_INPUT` with fewer than two values.
 * @example oneSampleTTest([5.1, 4.9, 5.6, 5.8, 6.0], { mu: 5 }).df // 4
 */
export function oneSampleTTest(
  x: ArrayLike<number>,
  options: TTestOptions & {
    /** Second sample: paired test on the differences x - y (R `paired = TRUE`). @default undefined */
    y?: ArrayLike<number>;
  } = {},
): TTestResult {
  const { y } = options;
  if (y !== undefined) assertSameLength(['x', x], ['y', y]);
  const differences = y === undefined ? Array.from(x) : Array.from(x, (v, i) => v - y[i]);
  const xs = dropNaN(differences);
  requireSize(xs, 2, 'x');
  const standardError = Math.sqrt(variance(xs) / xs.length);
  return finish(xs, [], mean(xs), standardError, xs.length - 1, options, x.length);
}

function finish(
  xs: number[],
  ys: number[],
  estimate: number,
  standardError: number,
  df: number,
  options: TTestOptions,
  total: number,
): TTestResult {
  const alternative = checkAlternative(options.alternative);
  const mu = options.mu ?? 0;
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const scale = Math.max(Math.abs(mean(xs)), ys.length > 0 ? Math.abs(mean(ys)) : 0);
  if (standardError < 10 * Number.EPSILON * scale) {
    throw new TaceError('INVALID_ARGUMENT', 'data are essentially constant', {
      param: 'x',
      remedy: 'a t-test needs variation within the samples',
    });
  }
  const statistic = (estimate - mu) / standardError;
  let pValue: number;
  let interval: [number, number];
  if (alternative === 'less') {
    pValue = studentTCdf(statistic, df);
    interval = [-Infinity, statistic + studentTQuantile(confLevel, df)];
  } else if (alternative === 'greater') {
    pValue = studentTSurvival(statistic, df);
    interval = [statistic - studentTQuantile(confLevel, df), Infinity];
  } else {
    pValue = 2 * studentTCdf(-Math.abs(statistic), df);
    const half = studentTQuantile(1 - (1 - confLevel) / 2, df);
    interval = [statistic - half, statistic + half];
  }
  return {
    statistic,
    df,
    pValue,
    confidenceInterval: [mu + interval[0] * standardError, mu + interval[1] * standardError],
    estimate,
    standardError,
    nx: xs.length,
    ny: ys.length,
    omitted: total - xs.length - ys.length,
  };
}

function dropNaN(values: ArrayLike<number>): number[] {
  return Array.from(values).filter((v) => !Number.isNaN(v));
}

function requireSize(values: number[], minimum: number, param: string): void {
  if (values.length < minimum) {
    throw new TaceError(
      'EMPTY_INPUT',
      `not enough non-missing '${param}' observations: need ${minimum}, have ${values.length}`,
      { param },
    );
  }
}
