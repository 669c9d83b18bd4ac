import { TaceError } from '../errors/tace-error.js';
import { type Alternative, checkAlternative } from './alternative.js';
import { rank, tieCorrection } from './rank.js';
import { exactRankPValue, normalRankPValue } from './rank-test-p-value.js';
import { rankSumTails, tailsAt } from './wilcoxon-distribution.js';

/** Options of {@link wilcoxonRankSum}. */
export interface WilcoxonRankSumOptions {
  /** Alternative hypothesis (R `alternative`). @default 'two-sided' */
  alternative?: Alternative;
  /** Location shift under the null: x - mu is compared with y (R `mu`). @default 0 */
  mu?: number;
  /**
   * Exact p-value from the permutation distribution. `undefined` follows R: exact when both samples have
   * fewer than 50 values; ties always force the normal approximation (R warns and does the same).
   * @default undefined
   */
  exact?: boolean;
  /** Continuity correction of the normal approximation (R `correct`). @default true */
  correct?: boolean;
}

/** Result of {@link wilcoxonRankSum}. */
export interface WilcoxonRankSumResult {
  /** R's W: the rank sum of x minus nx(nx + 1)/2 (the Mann-Whitney U of x). */
  statistic: number;
  pValue: number;
  /** True when the p-value came from the exact distribution, false for the normal approximation. */
  exact: boolean;
  /** The z of the normal approximation (after continuity correction), NaN when exact. */
  z: number;
  /** Number of non-missing values of x and y. */
  nx: number;
  ny: number;
  /** Number of NaN values dropped (R drops NA from each sample). */
  omitted: number;
}

/**
 * Wilcoxon rank-sum (Mann-Whitney) test of x against y, as R `wilcox.test(x, y)` (stats 4.2.2): W is the rank
 * sum of x - mu in the pooled ranking minus nx(nx + 1)/2; exact p from the null distribution of W when
 * `exact`, otherwise normal approximation with tie-corrected variance
 * nx ny / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))) and continuity correction. NaN values are dropped.
 * @throws {TaceError} `EMPTY_INPUT` when x or y has no non-missing value.
 * @example wilcoxonRankSum([1.83, 0.50, 1.62, 2.48, 1.68], [0.878, 0.647, 0.598, 2.05]).pValue // 0.4127
 */
export function wilcoxonRankSum(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: WilcoxonRankSumOptions = {},
): WilcoxonRankSumResult {
  const alternative = checkAlternative(options.alternative);
  const mu = options.mu ?? 0;
  const correct = options.correct ?? true;
  const xs = Array.from(x).filter((v) => !Number.isNaN(v));
  const ys = Array.from(y).filter((v) => !Number.isNaN(v));
  const omitted = x.length - xs.length + (y.length - ys.length);
  const nx = xs.length;
  const ny = ys.length;
  if (nx === 0 || ny === 0) {
    throw new TaceError(
      'EMPTY_INPUT',
      `need at least one non-missing value in x and in y (got ${nx} and ${ny})`,
      {
        param: nx === 0 ? 'x' : 'y',
      },
    );
  }
  const pooled = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) pooled[i] = xs[i] - mu;
  for (let j = 0; j < ny; j++) pooled[nx + j] = ys[j];
  const ranks = rank(pooled);
  let rankSumX = 0;
  for (let i = 0; i < nx; i++) rankSumX += ranks[i];
  const statistic = rankSumX - (nx * (nx + 1)) / 2;
  const ties = tieCorrection(ranks);
  const exact = (options.exact ?? (nx < 50 && ny < 50)) && ties === 0;
  if (exact) {
    const tails = tailsAt(rankSumTails(nx, ny), statistic);
    const pValue = exactRankPValue(alternative, statistic, (nx * ny) / 2, tails);
    return { statistic, pValue, exact: true, z: Number.NaN, nx, ny, omitted };
  }
  const n = nx + ny;
  const centred = statistic - (nx * ny) / 2;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - ties / (n * (n - 1))));
  const { z, pValue } = normalRankPValue(alternative, centred, sigma, correct);
  return { statistic, pValue, exact: false, z, nx, ny, omitted };
}
