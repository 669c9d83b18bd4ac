import { assertInRange, assertOneOf, TaceError } from '@tace/core';
import { columnLabel, type DesignInput, toDesignMatrix } from '../penalized/design-matrix.js';
import { type CorrelationMethod, columnCorrelation, unitColumns } from './standardized-columns.js';

/** Options of {@link correlationFilter}. */
export interface CorrelationFilterOptions {
  /** Features with |r| above it are redundant. @default 0.9 */
  threshold?: number;
  /** Pearson or Spearman (rank) correlation. @default 'pearson' */
  method?: CorrelationMethod;
}

/** Result of {@link correlationFilter}. */
export interface CorrelationFilterResult {
  /** Kept features (0-based, ascending) and their names. */
  kept: Int32Array;
  keptNames: string[];
  /** Each removed feature, the kept feature that made it redundant, and their correlation. */
  removed: { feature: string; redundantWith: string; r: number }[];
}

/**
 * Correlation-redundancy filter: among features correlated above `threshold` in absolute value, keeps the
 * one more associated with the outcome. Greedy: features are visited by decreasing `association`
 * (ties by column order); a feature is kept unless it correlates above the threshold with one already
 * kept. So of any redundant pair the kept one is always the more associated, and no two kept features
 * exceed the threshold.
 *
 * @param association - one score per feature, larger = more associated with the outcome (for survival,
 *   e.g. `|z|` of {@link univariateCox}, or `|C - 0.5|`).
 * @throws {TaceError} `LENGTH_MISMATCH` when `association` does not have one score per feature;
 *   `INVALID_ARGUMENT` for a NaN score or a threshold outside [0, 1].
 * @example correlationFilter(x, univariateCox(x, time, event).z.map(Math.abs), { threshold: 0.9 }).keptNames
 */
export function correlationFilter(
  x: DesignInput,
  association: ArrayLike<number>,
  options: CorrelationFilterOptions = {},
): CorrelationFilterResult {
  const threshold = options.threshold ?? 0.9;
  assertInRange(threshold, 'threshold', 0, 1);
  const method = options.method ?? 'pearson';
  assertOneOf(method, 'method', ['pearson', 'spearman']);
  const matrix = toDesignMatrix(x);
  const { rows: n, columns: p } = matrix;
  if (association.length !== p) {
    throw new TaceError('LENGTH_MISMATCH', `association has ${association.length} scores for ${p} features`, {
      param: 'association',
    });
  }
  for (let j = 0; j < p; j++) {
    if (Number.isNaN(association[j])) {
      throw new TaceError('INVALID_ARGUMENT', `association[${j}] is NaN`, { param: 'association' });
    }
  }
  const unit = unitColumns(matrix, method);
  const order = Array.from({ length: p }, (_, j) => j).sort(
    (a, b) => association[b] - association[a] || a - b,
  );
  const kept: number[] = [];
  const removed: CorrelationFilterResult['removed'] = [];
  for (const j of order) {
    let blocker = -1;
    let r = 0;
    for (const k of kept) {
      r = columnCorrelation(unit, n, j, k);
      if (Math.abs(r) > threshold) {
        blocker = k;
        break;
      }
    }
    if (blocker < 0) kept.push(j);
    else removed.push({ feature: columnLabel(matrix, j), redundantWith: columnLabel(matrix, blocker), r });
  }
  kept.sort((a, b) => a - b);
  return { kept: Int32Array.from(kept), keptNames: kept.map((j) => columnLabel(matrix, j)), removed };
}
