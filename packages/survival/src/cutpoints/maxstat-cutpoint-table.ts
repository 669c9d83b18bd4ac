import type { TableLike } from '@tace/core';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { MaxstatOptions, MaxstatResult } from './maxstat-cutpoint.js';
import { maxstatCutpoint as maxstatCutpointKernel } from './maxstat-cutpoint.js';

/** Columns of {@link maxstatCutpoint}. */
export interface MaxstatColumns {
  time: string;
  event: string;
  /** The continuous marker to cut (e.g. a linear predictor). */
  marker: string;
}

/**
 * Maximally selected log-rank cut-point of a marker column, as R `maxstat.test(Surv(time, event) ~ marker,
 * smethod = "LogRank", pmethod = "Lau92")`. See the array-level `maxstatCutpoint` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, too few distinct values.
 * @example maxstatCutpoint(training, { time: 'os', event: 'death', marker: 'lp' }).cutpoint
 */
export function maxstatCutpoint(
  table: TableLike,
  columns: MaxstatColumns,
  options: MaxstatOptions = {},
): MaxstatResult {
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.marker], options.missing);
  const result = maxstatCutpointKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, columns.marker, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}
