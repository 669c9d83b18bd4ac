import type { TableLike } from '@tace/core';
import { eventAt, labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { LogRankOptions, LogRankResult } from './log-rank.js';
import { logRank as logRankKernel } from './log-rank.js';

/** Columns of {@link logRank}. */
export interface LogRankColumns {
  time: string;
  event: string;
  /** Group column compared by the test. */
  group: string;
  /** Stratum column (stratified test, as `survdiff(... + strata(s))`). @default undefined */
  strata?: string;
}

/** Options of the table-level {@link logRank} (the array-level options without `strata`). */
export type LogRankTableOptions = Omit<LogRankOptions, 'strata'>;

/**
 * k-sample log-rank / G-rho test of a table: `survdiff(Surv(time, event) ~ group + strata(s), data, rho)`.
 * See the array-level `logRank` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, fewer than two groups.
 * @example logRank(lung, { time: 'time', event: 'dead', group: 'sex' }).pValue
 */
export function logRank(
  table: TableLike,
  columns: LogRankColumns,
  options: LogRankTableOptions = {},
): LogRankResult {
  const { rows, omitted } = tableRows(
    table,
    [columns.time, columns.event, columns.group, columns.strata],
    options.missing,
  );
  const result = logRankKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    labelsAt(table, columns.group, rows),
    {
      ...options,
      missing: 'error',
      strata: columns.strata === undefined ? undefined : labelsAt(table, columns.strata, rows),
    },
  );
  return { ...result, omitted };
}
