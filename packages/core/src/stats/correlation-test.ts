import { assertInRange, assertOneOf, assertSameLength } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { type Alternative, checkAlternative, pValueFromTails } from './alternative.js';
import { normalQuantile, studentTCdf, studentTSurvival } from './distributions.js';
import { kendallTest } from './kendall.js';
import { mean } from './mean.js';
import { rank } from './rank.js';
import { spearmanTail } from './spearman-distribution.js';

/** Options of {@link correlationTest}. */
export interface CorrelationTestOptions {
  /** `'pearson'` (product-moment), `'spearman'` or `'kendall'` (tau-b) correlation (R `method`). @default 'pearson' */
  method?: 'pearson' | 'spearman' | 'kendall';
  /** Alternative hypothesis (R `alternative`). @default 'two-sided' */
  alternative?: Alternative;
  /** Confidence level of the Fisher-z interval, Pearson only (R `conf.level`). @default 0.95 */
  confLevel?: number;
  /**
   * Spearman: exact (n <= 9) / Edgeworth (n <= 1290) p-value of AS 89 rather than the t approximation (R's
   * default `TRUE`). Kendall: exact distribution of the concordant pairs rather than the normal approximation
   * (R's default: when n < 50). Ties always force the approximation, as in R.
   * @default true (Spearman), n < 50 (Kendall)
   */
  exact?: boolean;
}

/** Result of {@link correlationTest}. */
export interface CorrelationTestResult {
  /** Pearson's r, Spearman's rho or Kendall's tau-b. */
  estimate: number;
  /**
   * Pearson: t = r sqrt(n - 2) / sqrt(1 - r^2); Spearman: S = (n^3 - n)(1 - rho)/6; Kendall: T (concordant
   * pairs) for the exact test, z for the normal approximation (as R).
   */
  statistic: number;
  /** Degrees of freedom of t (Pearson: n - 2); NaN for Spearman. */
  df: number;
  pValue: number;
  /** Fisher-z confidence interval for r (Pearson with n > 3); [NaN, NaN] otherwise. */
  confidenceInterval: [number, number];
  /** Complete pairs used. */
  n: number;
  /** Pairs dropped because x or y was NaN. */
  omitted: number;
}

/**
 * Test of association between paired samples, as R `cor.test(x, y, method)` (stats 4.2.2). Pearson: t test
 * on n - 2 df and a Fisher-z interval. Spearman: rho = Pearson correlation of the (average) ranks; p-value
 * from AS 89 (exact for n <= 9) without ties, t approximation with ties. Kendall: tau-b; exact p for n < 50
 * without ties, normal approximation with tie-corrected variance otherwise. Incomplete pairs are dropped.
 * @throws {TaceError} `LENGTH_MISMATCH`; `EMPTY_INPUT` with fewer than 3 (Pearson) or 2 (Spearman) pairs.
 * @example correlationTest([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).estimate // 0.8
 */
export function correlationTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CorrelationTestOptions = {},
): CorrelationTestResult {
  assertSameLength(['x', x], ['y', y]);
  const method = options.method ?? 'pearson';
  assertOneOf(method, 'method', ['pearson', 'spearman', 'kendall']);
  const alternative = checkAlternative(options.alternative);
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  const n = xs.length;
  const omitted = x.length - n;
  const minimum = method === 'pearson' ? 3 : 2;
  if (n < minimum) {
    throw new TaceError('EMPTY_INPUT', `not enough finite observations: need ${minimum} pairs, have ${n}`, {
      param: 'x',
    });
  }
  if (method === 'pearson') {
    const r = pearson(xs, ys);
    const df = n - 2;
    const statistic = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
    const pValue = pValueFromTails(alternative, studentTCdf(statistic, df), studentTSurvival(statistic, df));
    let interval: [number, number] = [Number.NaN, Number.NaN];
    if (n > 3) {
      const z = Math.atanh(r);
      const sigma = 1 / Math.sqrt(n - 3);
      if (alternative === 'less') interval = [-Infinity, z + sigma * normalQuantile(confLevel)];
      else if (alternative === 'greater') interval = [z - sigma * normalQuantile(confLevel), Infinity];
      else {
        const half = sigma * normalQuantile((1 + confLevel) / 2);
        interval = [z - half, z + half];
      }
      interval = [Math.tanh(interval[0]), Math.tanh(interval[1])];
    }
    return { estimate: r, statistic, df, pValue, confidenceInterval: interval, n, omitted };
  }
  if (method === 'kendall') {
    const { tau, statistic, pValue } = kendallTest(xs, ys, alternative, options.exact ?? n < 50);
    return {
      estimate: tau,
      statistic,
      df: Number.NaN,
      pValue,
      confidenceInterval: [Number.NaN, Number.NaN],
      n,
      omitted,
    };
  }
  const rx = rank(xs);
  const ry = rank(ys);
  const rho = pearson(rx, ry);
  const statistic = ((n * n * n - n) * (1 - rho)) / 6;
  const ties = new Set(xs).size < n || new Set(ys).size < n;
  const exact = (options.exact ?? true) && !ties;
  const tail = (lowerTail: boolean): number => {
    if (exact && n <= 1290) return spearmanTail(Math.round(statistic) + (lowerTail ? 2 : 0), n, lowerTail);
    const r = 1 - statistic / ((n * (n * n - 1)) / 6);
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    return lowerTail ? studentTSurvival(t, n - 2) : studentTCdf(t, n - 2);
  };
  let pValue: number;
  if (alternative === 'two-sided') {
    pValue = Math.min(1, 2 * (statistic > (n * n * n - n) / 6 ? tail(false) : tail(true)));
  } else pValue = alternative === 'greater' ? tail(true) : tail(false);
  return {
    estimate: rho,
    statistic,
    df: Number.NaN,
    pValue,
    confidenceInterval: [Number.NaN, Number.NaN],
    n,
    omitted,
  };
}

/** Pearson correlation of two complete samples (two-pass, centred), clamped to [-1, 1] as R `cor`. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
