import type { TableLike } from '@tace/core';
import { labelsAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { StatusInput } from './competing-data.js';
import type { CumulativeIncidenceOptions, CumulativeIncidenceResult } from './cumulative-incidence.js';
import { cumulativeIncidence as cumulativeIncidenceKernel } from './cumulative-incidence.js';

/** Columns of {@link cumulativeIncidence}. */
export interface CumulativeIncidenceColumns {
  /** Follow-up time column (>= 0). */
  time: string;
  /** Failure status column: one code per cause, `censorCode` for censored. */
  status: string;
  /** Group column: curves per level and Gray's test across levels. @default undefined */
  group?: string;
  /** Strata column for Gray's test. @default undefined */
  strata?: string;
}

/** Options of the table-level {@link cumulativeIncidence} (the array-level options without group and strata). */
export type CumulativeIncidenceTableOptions = Omit<CumulativeIncidenceOptions, 'group' | 'strata'>;

/**
 * Cumulative incidence of competing risks by group with variances and Gray's test:
 * `cmprsk::cuminc(time, status, group, strata, cencode = censorCode)`. See the array-level
 * `cumulativeIncidence` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid times, no failures.
 * @example cumulativeIncidence(cohort, { time: 'months', status: 'outcome', group: 'arm' }, { times: [12, 24] })
 */
export function cumulativeIncidence(
  table: TableLike,
  columns: CumulativeIncidenceColumns,
  options: CumulativeIncidenceTableOptions = {},
): CumulativeIncidenceResult {
  const { rows, omitted } = tableRows(
    table,
    [columns.time, columns.status, columns.group, columns.strata],
    options.missing,
  );
  const result = cumulativeIncidenceKernel(
    numericAt(table, columns.time, rows),
    labelsAt(table, columns.status, rows) as StatusInput,
    {
      ...options,
      missing: 'error',
      group: columns.group === undefined ? undefined : labelsAt(table, columns.group, rows),
      strata: columns.strata === undefined ? undefined : labelsAt(table, columns.strata, rows),
    },
  );
  return { ...result, omitted };
}
