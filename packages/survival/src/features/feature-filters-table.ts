import type { MissingPolicy, TableLike } from '@tace/core';
import { designAt, tableRows } from '../internal/table-columns.js';
import type { CorrelationFilterOptions, CorrelationFilterResult } from './correlation-filter.js';
import { correlationFilter as correlationFilterKernel } from './correlation-filter.js';
import type { MrmrOptions, MrmrResult } from './mrmr.js';
import { mrmr as mrmrKernel } from './mrmr.js';

/** Columns of {@link correlationFilter} and {@link mrmr}. */
export interface FeatureColumns {
  features: readonly string[];
}

/**
 * Of feature columns correlated above `threshold`, keeps the one more associated with the outcome
 * (`options.association`, one value per feature). See the array-level `correlationFilter` of
 * `@tace/survival/kernels`.
 * @example correlationFilter(train, { features }, { association: zAbs, threshold: 0.9 }).keptNames
 */
export function correlationFilter(
  table: TableLike,
  columns: FeatureColumns,
  options: CorrelationFilterOptions & { association: ArrayLike<number>; missing?: MissingPolicy },
): CorrelationFilterResult {
  const { association, missing, ...rest } = options;
  const { rows } = tableRows(table, columns.features, missing);
  return correlationFilterKernel(designAt(table, columns.features, rows), association, rest);
}

/**
 * mRMR ranking of feature columns with the given relevance (one value per feature). See the array-level
 * `mrmr` of `@tace/survival/kernels`.
 * @example mrmr(train, { features }, { relevance: z2, k: 10 }).names
 */
export function mrmr(
  table: TableLike,
  columns: FeatureColumns,
  options: MrmrOptions & { relevance: ArrayLike<number>; missing?: MissingPolicy },
): MrmrResult {
  const { relevance, missing, ...rest } = options;
  const { rows } = tableRows(table, columns.features, missing);
  return mrmrKernel(designAt(table, columns.features, rows), relevance, rest);
}
