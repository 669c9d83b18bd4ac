import type { TableLike } from '@tace/core';
import { eventAt, labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { KaplanMeierOptions, KaplanMeierResult } from './kaplan-meier.js';
import { kaplanMeier as kaplanMeierKernel } from './kaplan-meier.js';

/** Columns of {@link kaplanMeier}: the outcome and an optional grouping column. */
export interface KaplanMeierColumns {
  /** Follow-up time column (>= 0). */
  time: string;
  /** Event column: 1/true = event, 0/false = censored. */
  event: string;
  /** Group column: one curve per level (sorted as R's `factor`). @default undefined (one curve) */
  group?: string;
}

/**
 * Options of the table-level {@link kaplanMeier}: the array-level options without `group`, with `levels` per
 * column name as `coxph`'s (`{ sex: ['Male', 'Female'] }`, R `factor(sex, levels)`).
 */
export type KaplanMeierTableOptions = Omit<KaplanMeierOptions, 'group' | 'levels'> & {
  /** Level order of the group column, keyed by its name, as `CoxphOptions.levels`. @default sorted as R's `factor` */
  levels?: Readonly<Record<string, readonly string[]>>;
};

/**
 * Kaplan-Meier curves of a table: `survfit(Surv(time, event) ~ group, data)`. See the array-level
 * `kaplanMeier` of `@tace/survival/kernels` for the estimator and its R agreement.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), invalid times/events, bad options.
 * @example kaplanMeier(lung, { time: 'time', event: 'dead', group: 'sex' }, { times: [365], levels: { sex: ['Male', 'Female'] } })
 */
export function kaplanMeier(
  table: TableLike,
  columns: KaplanMeierColumns,
  options: KaplanMeierTableOptions = {},
): KaplanMeierResult {
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.group], options.missing);
  const result = kaplanMeierKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    {
      ...options,
      missing: 'error',
      group: columns.group === undefined ? undefined : labelsAt(table, columns.group, rows),
      levels: columns.group === undefined ? undefined : options.levels?.[columns.group],
    },
  );
  return { ...result, omitted };
}
