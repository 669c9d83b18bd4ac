import { TaceError } from '../errors/tace-error.js';
import { chiSquareSurvival } from './distributions.js';
import { groupValues } from './group-values.js';
import { rank, tieCorrection } from './rank.js';

/** Result of {@link kruskalWallis}. */
export interface KruskalWallisResult {
  /** The tie-corrected Kruskal-Wallis H statistic (R's "Kruskal-Wallis chi-squared"). */
  statistic: number;
  /** Degrees of freedom: number of groups - 1. */
  df: number;
  pValue: number;
  /** Group labels (sorted) and their sizes. */
  levels: string[];
  sizes: Int32Array;
  /** Rows dropped for a NaN value or missing label. */
  omitted: number;
}

/**
 * Kruskal-Wallis rank-sum test that `values` have the same location in every group, as R
 * `kruskal.test(values, groups)`: H = (12 / (N (N + 1)) sum R_g^2 / n_g - 3 (N + 1)) / (1 - sum(t^3 - t) /
 * (N^3 - N)), referred to chi-square with k - 1 degrees of freedom.
 * @throws {TaceError} `LENGTH_MISMATCH`; `EMPTY_INPUT` with fewer than two groups.
 * @example kruskalWallis([2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0], [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]).pValue // 0.68
 */
export function kruskalWallis(values: ArrayLike<number>, groups: ArrayLike<unknown>): KruskalWallisResult {
  const grouped = groupValues(values, groups);
  const k = grouped.levels.length;
  if (k < 2) {
    throw new TaceError('EMPTY_INPUT', `all observations are in the same group (${k} group found)`, {
      param: 'groups',
      remedy: 'give at least two groups with non-missing values',
    });
  }
  const pooled = grouped.groups.flat();
  const n = pooled.length;
  const ranks = rank(pooled);
  let sum = 0;
  let offset = 0;
  const sizes = new Int32Array(k);
  for (let g = 0; g < k; g++) {
    const size = grouped.groups[g].length;
    sizes[g] = size;
    let rankSum = 0;
    for (let i = 0; i < size; i++) rankSum += ranks[offset + i];
    sum += (rankSum * rankSum) / size;
    offset += size;
  }
  const statistic =
    ((12 * sum) / (n * (n + 1)) - 3 * (n + 1)) / (1 - tieCorrection(pooled) / (n * n * n - n));
  const df = k - 1;
  return {
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
    levels: grouped.levels,
    sizes,
    omitted: grouped.omitted,
  };
}
