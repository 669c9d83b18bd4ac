import type { TableLike } from '@tace/core';
import { columnList, predictionsAt } from '../internal/prediction-columns.js';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { BrierScoreInferenceOptions, BrierScoreInferenceResult } from './brier-score-inference.js';
import { brierScoreInference as brierKernel } from './brier-score-inference.js';
import type { BrierScoreColumns } from './brier-score-table.js';
import type { CompareTimeDependentAucResult } from './compare-time-dependent-auc.js';
import { compareTimeDependentAuc as compareKernel } from './compare-time-dependent-auc.js';
import type {
  TimeDependentAucInferenceOptions,
  TimeDependentAucInferenceResult,
} from './time-dependent-auc-inference.js';
import { timeDependentAucInference as inferenceKernel } from './time-dependent-auc-inference.js';
import type { TimeDependentAucColumns } from './time-dependent-auc-table.js';

/**
 * IPCW time-dependent AUC of a marker column with iid-representation SEs and Wald CIs, as
 * `timeROC::timeROC(iid = TRUE)`. See the array-level `timeDependentAucInference` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome or times.
 * @example timeDependentAucInference(test, { time: 'os', event: 'death', marker: 'lp' }, { times: [12, 24] }).lower
 */
export function timeDependentAucInference(
  table: TableLike,
  columns: TimeDependentAucColumns,
  options: TimeDependentAucInferenceOptions,
): TimeDependentAucInferenceResult {
  const names = columnList(columns.marker);
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, ...names], options.missing);
  const result = inferenceKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    predictionsAt(table, columns.marker, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}

/** Columns of {@link compareTimeDependentAuc}: the outcome and the two marker columns compared. */
export interface CompareTimeDependentAucColumns {
  time: string;
  event: string;
  /** The two marker columns (higher = higher risk). */
  markers: readonly [first: string, second: string];
}

/**
 * Compares the time-dependent AUCs of two marker columns on the same patients (paired iid representations,
 * z test), as `timeROC::compare`. Rows missing either marker are handled by `missing`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome or times.
 * @example compareTimeDependentAuc(cohort, { time: 'os', event: 'death', markers: ['crm', 'bclc'] }, { times: [24] }).pValue
 */
export function compareTimeDependentAuc(
  table: TableLike,
  columns: CompareTimeDependentAucColumns,
  options: TimeDependentAucInferenceOptions,
): CompareTimeDependentAucResult {
  const [first, second] = columns.markers;
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, first, second], options.missing);
  const result = compareKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, first, rows),
    numericAt(table, second, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}

/**
 * IPCW Brier score of predicted-survival columns with influence-function SEs and CIs, and the integrated
 * Brier score with its SE, as `riskRegression::Score(metrics = "brier", cens.model = "km", se.fit = TRUE)`.
 * See the array-level `brierScoreInference` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, predictions outside [0, 1].
 * @example brierScoreInference(test, { time: 'os', event: 'death', survival: ['s12', 's24'] }, { times: [12, 24] }).integrated
 */
export function brierScoreInference(
  table: TableLike,
  columns: BrierScoreColumns,
  options: BrierScoreInferenceOptions,
): BrierScoreInferenceResult {
  const names = columnList(columns.survival);
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, ...names], options.missing);
  const result = brierKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    predictionsAt(table, columns.survival, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}
