import type { MissingPolicy, TableLike } from '@tace/core';
import { designAt, eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { UnivariateCoxResult } from './univariate-cox.js';
import { univariateCox as univariateCoxKernel } from './univariate-cox.js';

/** Columns of {@link univariateCox}. */
export interface UnivariateCoxColumns {
  time: string;
  event: string;
  /** Feature columns, one Cox model each. */
  features: readonly string[];
}

/**
 * One Cox model per feature column (`coxph(Surv(time, event) ~ x_j)`), with Wald p-values and BH-adjusted
 * p-values. See the array-level `univariateCox` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`).
 * @example univariateCox(train, { time: 'os', event: 'death', features }).adjustedPValue
 */
export function univariateCox(
  table: TableLike,
  columns: UnivariateCoxColumns,
  options: { missing?: MissingPolicy } = {},
): UnivariateCoxResult & { omitted: number } {
  const { rows, omitted } = tableRows(
    table,
    [columns.time, columns.event, ...columns.features],
    options.missing,
  );
  const result = univariateCoxKernel(
    designAt(table, columns.features, rows),
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
  );
  return { ...result, omitted };
}
