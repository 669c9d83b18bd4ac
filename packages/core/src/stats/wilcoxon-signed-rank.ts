import { assertSameLength } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { type Alternative, checkAlternative } from './alternative.js';
import { rank, tieCorrection } from './rank.js';
import { exactRankPValue, normalRankPValue } from './rank-test-p-value.js';
import { signedRankTails, tailsAt } from './wilcoxon-distribution.js';

/** Options of {@link wilcoxonSignedRank}. */
export interface WilcoxonSignedRankOptions {
  /**
   * Second sample for the paired test: the test is then on x - y (R `paired = TRUE`). Pairs with a missing
   * member are dropped.
   * @default undefined (one-sample test of x)
   */
  y?: ArrayLike<number>;
  /** Alternative hypothesis (R `alternative`). @default 'two-sided' */
  alternative?: Alternative;
  /** Location under the null (R `mu`). @default 0 */
  mu?: number;
  /**
   * Exact p-value. `undefined` follows R: exact when fewer than 50 non-zero differences; ties or zero
   * differences always force the normal approximation.
   * @default undefined
   */
  exact?: boolean;
  /** Continuity correction of the normal approximation (R `correct`). @default true */
  correct?: boolean;
}

/** Result of {@link wilcoxonSignedRank}. */
export interface WilcoxonSignedRankResult {
  /** R's V: the sum of the ranks of |d| over the positive differences d = x (- y) - mu. */
  statistic: number;
  pValue: number;
  /** True when the p-value came from the exact distribution. */
  exact: boolean;
  /** The z of the normal approximation (after continuity correction), NaN when exact. */
  z: number;
  /** Number of non-zero differences used. */
  n: number;
  /** Number of zero differences dropped (R drops them). */
  zeros: number;
  /** Number of NaN values (or incomplete pairs) dropped. */
  omitted: number;
}

/**
 * Wilcoxon signed-rank test, one-sample or paired, as R `wilcox.test(x, mu = )` / `wilcox.test(x, y,
 * paired = TRUE)` (stats 4.2.2). Zero differences are dropped; exact p from the null distribution of V when
 * `exact`, otherwise normal approximation with variance n(n + 1)(2n + 1)/24 - sum(t^3 - t)/48 and continuity
 * correction.
 * @throws {TaceError} `LENGTH_MISMATCH` for paired samples of different lengths; `EMPTY_INPUT` without any
 * non-missing value.
 * @example wilcoxonSignedRank([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30], { y: [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29] }).pValue // 0.039
 */
export function wilcoxonSignedRank(
  x: ArrayLike<number>,
  options: WilcoxonSignedRankOptions = {},
): WilcoxonSignedRankResult {
  const alternative = checkAlternative(options.alternative);
  const mu = options.mu ?? 0;
  const correct = options.correct ?? true;
  const y = options.y;
  if (y !== undefined) assertSameLength(['x', x], ['y', y]);
  const differences: number[] = [];
  let omitted = 0;
  for (let i = 0; i < x.length; i++) {
    const d = y === undefined ? x[i] : x[i] - y[i];
    if (Number.isNaN(d)) omitted++;
    else differences.push(d - mu);
  }
  if (differences.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no non-missing differences to test', { param: 'x' });
  }
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  const ranks = rank(nonZero.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if (nonZero[i] > 0) statistic += ranks[i];
  const ties = tieCorrection(ranks);
  const exact = (options.exact ?? n < 50) && ties === 0 && zeros === 0;
  if (exact) {
    const tails = tailsAt(signedRankTails(n), statistic);
    const pValue = exactRankPValue(alternative, statistic, (n * (n + 1)) / 4, tails);
    return { statistic, pValue, exact: true, z: Number.NaN, n, zeros, omitted };
  }
  const centred = statistic - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ties / 48);
  const { z, pValue } = normalRankPValue(alternative, centred, sigma, correct);
  return { statistic, pValue, exact: false, z, n, zeros, omitted };
}
