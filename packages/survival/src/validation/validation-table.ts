import type { MissingPolicy, TableLike } from '@tace/core';
import { assertFiniteNumber } from '@tace/core';
import { columnList } from '../internal/prediction-columns.js';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { BootstrapConcordanceOptions, BootstrapConcordanceResult } from './bootstrap-concordance.js';
import { bootstrapConcordance as bootstrapConcordanceKernel } from './bootstrap-concordance.js';
import type { CompareConcordanceResult } from './compare-concordance.js';
import { compareConcordance as compareConcordanceKernel } from './compare-concordance.js';
import type { TimeDependentRocCurve } from './time-dependent-roc.js';
import { timeDependentRoc as timeDependentRocKernel } from './time-dependent-roc.js';

/** Missing-value policy of the table-level validation functions. */
export interface ValidationMissing {
  /** Rows with a missing value in a column used: `'error'` or `'omit'` (R's na.omit; counted in `omitted`). @default 'error' */
  missing?: MissingPolicy;
}

/** Columns of {@link bootstrapConcordance}: the outcome and one or two risk-score columns. */
export interface BootstrapConcordanceColumns {
  time: string;
  event: string;
  /** Risk score column(s), higher = shorter survival; with two, their paired difference is bootstrapped too. */
  risk: string | readonly string[];
}

/**
 * C-index of risk column(s) with a seeded percentile-bootstrap confidence interval, and with two columns the
 * paired bootstrap of their difference. See the array-level `bootstrapConcordance` of
 * `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example bootstrapConcordance(cohort, { time: 'os', event: 'death', risk: ['crm', 'bclc'] }, { random: 42 }).difference.pValue
 */
export function bootstrapConcordance(
  table: TableLike,
  columns: BootstrapConcordanceColumns,
  options: BootstrapConcordanceOptions & ValidationMissing = {},
): BootstrapConcordanceResult & { omitted: number } {
  const { missing, ...rest } = options;
  const names = columnList(columns.risk);
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, ...names], missing);
  const risks = names.map((name) => numericAt(table, name, rows));
  const result = bootstrapConcordanceKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    risks,
    rest,
  );
  return { ...result, omitted };
}

/** Columns of {@link compareConcordance}: the outcome and the two risk-score columns compared. */
export interface CompareConcordanceColumns {
  time: string;
  event: string;
  /** The two risk score columns (higher = shorter survival). */
  risks: readonly [first: string, second: string];
}

/**
 * Compares the C-indices of two risk columns on the same patients (Kang et al. 2015, as R `compareC` on the
 * negated scores). See the array-level `compareConcordance` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example compareConcordance(cohort, { time: 'os', event: 'death', risks: ['crm', 'bclc'] }).pValue
 */
export function compareConcordance(
  table: TableLike,
  columns: CompareConcordanceColumns,
  options: ValidationMissing = {},
): CompareConcordanceResult & { omitted: number } {
  const [first, second] = columns.risks;
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, first, second], options.missing);
  const result = compareConcordanceKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, first, rows),
    numericAt(table, second, rows),
  );
  return { ...result, omitted };
}

/** Columns of {@link timeDependentRoc}: the outcome and the marker (higher = higher risk). */
export interface TimeDependentRocColumns {
  time: string;
  event: string;
  marker: string;
}

/** Options of the table-level {@link timeDependentRoc}. */
export interface TimeDependentRocOptions extends ValidationMissing {
  /** Horizon t of the cumulative/dynamic ROC curve (R `timeROC(times)`), in the time column's unit (as
   * `calibration`'s `time`). */
  time: number;
}

/**
 * Cumulative/dynamic IPCW ROC curve of a marker column at one horizon (R `timeROC`, `weighting =
 * "marginal"`). See the array-level `timeDependentRoc` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE` (policy `'error'`), as the kernel.
 * @example timeDependentRoc(test, { time: 'os', event: 'death', marker: 'lp' }, { time: 24 }).auc
 */
export function timeDependentRoc(
  table: TableLike,
  columns: TimeDependentRocColumns,
  options: TimeDependentRocOptions,
): TimeDependentRocCurve & { omitted: number } {
  assertFiniteNumber(options.time, 'time');
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.marker], options.missing);
  const curve = timeDependentRocKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, columns.marker, rows),
    options.time,
  );
  return { ...curve, omitted };
}
