import { assertInteger, assertOneOf, TaceError } from '@tace/core';
import { columnLabel, type DesignInput, toDesignMatrix } from '../penalized/design-matrix.js';
import { type CorrelationMethod, columnCorrelation, unitColumns } from './standardized-columns.js';

/** Options of {@link mrmr}. */
export interface MrmrOptions {
  /** Number of features to rank. @default all */
  k?: number;
  /** `'quotient'`: relevance / mean redundancy (Ding & Peng's FCQ); `'difference'`: relevance - mean
   * redundancy (FCD; only sensible when relevance is on a 0-1 scale). @default 'quotient' */
  criterion?: 'quotient' | 'difference';
  /** Correlation measuring redundancy. @default 'pearson' */
  method?: CorrelationMethod;
}

/** Result of {@link mrmr}: features in selection order. */
export interface MrmrResult {
  /** Selected features (0-based), in the order chosen. */
  order: Int32Array;
  names: string[];
  /** Criterion value of each feature when it was chosen (the first: its relevance). */
  score: Float64Array;
}

/**
 * Minimum-redundancy maximum-relevance ranking (Peng, Long & Ding 2005; Ding & Peng 2005), in its variant
 * for continuous features: relevance is a per-feature association statistic supplied by the caller (for
 * survival, the univariate Cox Wald chi-square `z^2` of {@link univariateCox}, the analogue of the
 * F-statistic of FCQ/FCD), redundancy the mean absolute Pearson or Spearman correlation with the features
 * already chosen. The first feature is the most relevant; each next one maximises relevance / redundancy
 * (or relevance - redundancy). Not the mutual-information (MID/MIQ) variant, which needs discretised
 * features. Ties go to the lower column.
 * @throws {TaceError} `LENGTH_MISMATCH` when `relevance` does not have one value per feature;
 *   `INVALID_ARGUMENT` for NaN relevance or a bad `k`.
 * @example mrmr(x, univariateCox(x, time, event).z.map((z) => z * z), { k: 20 }).names
 */
export function mrmr(x: DesignInput, relevance: ArrayLike<number>, options: MrmrOptions = {}): MrmrResult {
  const matrix = toDesignMatrix(x);
  const { rows: n, columns: p } = matrix;
  const k = options.k ?? p;
  assertInteger(k, 'k', 1);
  if (k > p) throw new TaceError('INVALID_ARGUMENT', `k = ${k} exceeds the ${p} features`, { param: 'k' });
  const criterion = options.criterion ?? 'quotient';
  assertOneOf(criterion, 'criterion', ['quotient', 'difference']);
  const method = options.method ?? 'pearson';
  assertOneOf(method, 'method', ['pearson', 'spearman']);
  if (relevance.length !== p) {
    throw new TaceError('LENGTH_MISMATCH', `relevance has ${relevance.length} values for ${p} features`, {
      param: 'relevance',
    });
  }
  for (let j = 0; j < p; j++) {
    if (Number.isNaN(relevance[j]))
      throw new TaceError('INVALID_ARGUMENT', `relevance[${j}] is NaN`, { param: 'relevance' });
  }
  const unit = unitColumns(matrix, method);
  const redundancySum = new Float64Array(p);
  const chosen = new Uint8Array(p);
  const order = new Int32Array(k);
  const score = new Float64Array(k);
  for (let step = 0; step < k; step++) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < p; j++) {
      if (chosen[j]) continue;
      const redundancy = step === 0 ? 0 : redundancySum[j] / step;
      const value =
        step === 0
          ? relevance[j]
          : criterion === 'quotient'
            ? relevance[j] / redundancy
            : relevance[j] - redundancy;
      if (value > bestScore) {
        bestScore = value;
        best = j;
      }
    }
    chosen[best] = 1;
    order[step] = best;
    score[step] = bestScore;
    for (let j = 0; j < p; j++)
      if (!chosen[j]) redundancySum[j] += Math.abs(columnCorrelation(unit, n, j, best));
  }
  return { order, names: Array.from(order, (j) => columnLabel(matrix, j)), score };
}
