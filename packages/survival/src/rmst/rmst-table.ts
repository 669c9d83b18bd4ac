import type { TableLike } from '@tace/core';
import { eventAt, labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { RmstOptions, RmstResult } from './rmst.js';
import { rmst as rmstKernel } from './rmst.js';

/** Columns of {@link rmst}. */
export interface RmstColumns {
  /** Follow-up time column (>= 0). */
  time: string;
  /** Event column: 1/true = event, 0/false = censored. */
  event: string;
  /** Group column: one RMST per level; contrasts against the first level (R's arm = 0). @default undefined */
  group?: string;
}

/** Options of the table-level {@link rmst} (the array-level options without `group`). */
export type RmstTableOptions = Omit<RmstOptions, 'group'>;

/**
 * Restricted mean survival time per group at tau, and the difference / ratios against the first group,
 * as `survRM2::rmst2(time, status, arm, tau)`. See the array-level `rmst` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, tau beyond the follow-up.
 * @example rmst(trial, { time: 'years', event: 'dead', group: 'arm' }, { tau: 10 }).contrasts[0]
 */
export function rmst(table: TableLike, columns: RmstColumns, options: RmstTableOptions = {}): RmstResult {
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.group], options.missing);
  const result = rmstKernel(numericAt(table, columns.time, rows), eventAt(table, columns.event, rows), {
    ...options,
    missing: 'error',
    group: columns.group === undefined ? undefined : labelsAt(table, columns.group, rows),
  });
  return { ...result, omitted };
}
