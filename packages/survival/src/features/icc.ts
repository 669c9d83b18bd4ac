import { assertInRange, assertOneOf, fisherFSurvival, TaceError } from '@tace/core';
import { type DesignInput, toDesignMatrix } from '../penalized/design-matrix.js';
import { fisherFUpperQuantile } from './f-quantile.js';

/**
 * Intraclass correlation forms of Shrout & Fleiss (1979), named as `psych::ICC`: `ICC1` = ICC(1,1) one-way
 * random, absolute agreement; `ICC2` = ICC(2,1) two-way random, absolute agreement; `ICC3` = ICC(3,1)
 * two-way mixed, consistency; the `k` forms are the reliability of the mean of the k raters.
 */
export type IccType = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';

/** Options of {@link icc}. */
export interface IccOptions {
  /** Which ICC. @default 'ICC2' (two-way random, single rater: the usual choice for inter-reader agreement) */
  type?: IccType;
  /** Confidence level of the F-based interval (psych: `alpha = 1 - confLevel`). @default 0.95 */
  confLevel?: number;
}

/** Koo & Li (2016) reading of an ICC: < 0.5 poor, 0.5-0.75 moderate, 0.75-0.9 good, > 0.9 excellent. */
export type IccAgreement = 'poor' | 'moderate' | 'good' | 'excellent';

/** Result of {@link icc} (a row of `psych::ICC(x)$results`). */
export interface IccResult {
  type: IccType;
  value: number;
  /** F statistic, its degrees of freedom and p-value (H0: ICC = 0). */
  f: number;
  df1: number;
  df2: number;
  pValue: number;
  lower: number;
  upper: number;
  confLevel: number;
  /** Koo & Li category of the point estimate; report it with the interval, as they recommend. */
  agreement: IccAgreement;
  nSubjects: number;
  nRaters: number;
}

/**
 * Intraclass correlation of a subjects x raters (or x repeated scans) matrix with its F-based confidence
 * interval (Shrout & Fleiss 1979; McGraw & Wong 1996 for ICC2), from the two-way ANOVA mean squares, as
 * R `psych::ICC(x, lmer = FALSE)` 2.2.9 (ANOVA estimates; psych's default `lmer = TRUE` gives the same on
 * complete data unless a variance component is negative). Use it to keep features that are stable across
 * readers or test-retest scans (e.g. ICC2 >= 0.75, "good" in Koo & Li 2016).
 *
 * @param ratings - `nSubjects x nRaters`, complete (no missing ratings).
 * @throws {TaceError} `MISSING_VALUE` for NaN; `INVALID_ARGUMENT` for fewer than 2 subjects or raters.
 * @example icc([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], { type: 'ICC3' }).value // 0.715
 */
export function icc(ratings: DesignInput, options: IccOptions = {}): IccResult {
  const type = options.type ?? 'ICC2';
  assertOneOf(type, 'type', ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k']);
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const { data, rows: n, columns: k } = toDesignMatrix(ratings, 'ratings');
  if (n < 2 || k < 2) {
    throw new TaceError('INVALID_ARGUMENT', `ICC needs at least 2 subjects and 2 raters, got ${n} x ${k}`, {
      param: 'ratings',
    });
  }
  const ms = meanSquares(data, n, k);
  const { msb, msj, mse, msw } = ms;
  const alpha = 1 - confLevel;
  const tail = alpha / 2;
  const df11n = n - 1;
  const df11d = n * (k - 1);
  const df21d = (n - 1) * (k - 1);
  const f11 = msb / msw;
  const f21 = msb / mse;
  let value: number;
  let f: number;
  let df1: number;
  let df2: number;
  let lower: number;
  let upper: number;
  if (type === 'ICC1' || type === 'ICC1k') {
    const fl = f11 / fisherFUpperQuantile(tail, df11n, df11d);
    const fu = f11 * fisherFUpperQuantile(tail, df11d, df11n);
    [f, df1, df2] = [f11, df11n, df11d];
    if (type === 'ICC1') {
      value = (msb - msw) / (msb + (k - 1) * msw);
      [lower, upper] = [(fl - 1) / (fl + (k - 1)), (fu - 1) / (fu + k - 1)];
    } else {
      value = (msb - msw) / msb;
      [lower, upper] = [1 - 1 / fl, 1 - 1 / fu];
    }
  } else if (type === 'ICC3' || type === 'ICC3k') {
    const fl = f21 / fisherFUpperQuantile(tail, df11n, df21d);
    const fu = f21 * fisherFUpperQuantile(tail, df21d, df11n);
    [f, df1, df2] = [f21, df11n, df21d];
    if (type === 'ICC3') {
      value = (msb - mse) / (msb + (k - 1) * mse);
      [lower, upper] = [(fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1)];
    } else {
      value = (msb - mse) / msb;
      [lower, upper] = [1 - 1 / fl, 1 - 1 / fu];
    }
  } else {
    const icc2 = (msb - mse) / (msb + (k - 1) * mse + (k * (msj - mse)) / n);
    // Satterthwaite-type degrees of freedom of McGraw & Wong (1996), as psych.
    const fj = msj / mse;
    const vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
    const vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
    const v = vn / vd;
    const fu = fisherFUpperQuantile(tail, n - 1, v);
    const fl = fisherFUpperQuantile(tail, v, n - 1);
    const lo = (n * (msb - fu * mse)) / (fu * (k * msj + (k * n - k - n) * mse) + n * msb);
    const hi = (n * (fl * msb - mse)) / (k * msj + (k * n - k - n) * mse + n * fl * msb);
    [f, df1, df2] = [f21, df11n, df21d];
    if (type === 'ICC2') {
      value = icc2;
      [lower, upper] = [lo, hi];
    } else {
      value = (msb - mse) / (msb + (msj - mse) / n);
      [lower, upper] = [(lo * k) / (1 + lo * (k - 1)), (hi * k) / (1 + hi * (k - 1))];
    }
  }
  return {
    type,
    value,
    f,
    df1,
    df2,
    pValue: fisherFSurvival(f, df1, df2),
    lower,
    upper,
    confLevel,
    agreement: value < 0.5 ? 'poor' : value < 0.75 ? 'moderate' : value <= 0.9 ? 'good' : 'excellent',
    nSubjects: n,
    nRaters: k,
  };
}

/** Two-way ANOVA mean squares: subjects (MSB), raters (MSJ), residual (MSE), within subjects (MSW). */
function meanSquares(
  data: Float64Array,
  n: number,
  k: number,
): { msb: number; msj: number; mse: number; msw: number } {
  let grand = 0;
  for (let t = 0; t < data.length; t++) grand += data[t];
  grand /= n * k;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += data[j * n + i];
    ssr += (row / k - grand) ** 2;
  }
  ssr *= k;
  let ssc = 0;
  for (let j = 0; j < k; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += data[j * n + i];
    ssc += (col / n - grand) ** 2;
  }
  ssc *= n;
  let sst = 0;
  for (let t = 0; t < data.length; t++) sst += (data[t] - grand) ** 2;
  const sse = sst - ssr - ssc;
  return {
    msb: ssr / (n - 1),
    msj: ssc / (k - 1),
    mse: sse / ((n - 1) * (k - 1)),
    msw: (ssc + sse) / (n * (k - 1)),
  };
}
