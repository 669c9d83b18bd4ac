import type { TableLike } from '@tace/core';
import { columnList, predictionsAt } from '../internal/prediction-columns.js';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type {
  BrierScoreOptions,
  BrierScoreResult,
  IntegratedBrierScoreOptions,
  IntegratedBrierScoreResult,
} from './brier-score.js';
import {
  brierScore as brierScoreKernel,
  integratedBrierScore as integratedBrierScoreKernel,
} from './brier-score.js';

/** Columns of {@link brierScore} and {@link integratedBrierScore}. */
export interface BrierScoreColumns {
  time: string;
  event: string;
  /** Predicted survival S(t): one column per evaluation time, or one column used at every time. */
  survival: string | readonly string[];
}

/**
 * IPCW Brier score of predicted-survival columns at `options.times` (Graf et al. 1999), as
 * `riskRegression::Score(metrics = "brier", cens.model = "km")`. Rows with a missing prediction count as
 * missing (policy `missing`). See the array-level `brierScore` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, predictions outside [0, 1].
 * @example brierScore(test, { time: 'os', event: 'death', survival: ['s12', 's24'] }, { times: [12, 24] })
 */
export function brierScore(
  table: TableLike,
  columns: BrierScoreColumns,
  options: BrierScoreOptions,
): BrierScoreResult {
  const { omitted, time, event, survival } = read(table, columns, options);
  return { ...brierScoreKernel(time, event, survival, { ...options, missing: 'error' }), omitted };
}

/**
 * Integrated IPCW Brier score of predicted-survival columns over the ascending `options.times` (see
 * {@link brierScore}).
 * @example integratedBrierScore(test, { time: 'os', event: 'death', survival: ['s6', 's12', 's24'] }, { times: [6, 12, 24] }).ibs
 */
export function integratedBrierScore(
  table: TableLike,
  columns: BrierScoreColumns,
  options: IntegratedBrierScoreOptions,
): IntegratedBrierScoreResult {
  const { omitted, time, event, survival } = read(table, columns, options);
  return { ...integratedBrierScoreKernel(time, event, survival, { ...options, missing: 'error' }), omitted };
}

function read(table: TableLike, columns: BrierScoreColumns, options: BrierScoreOptions) {
  const names = columnList(columns.survival);
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, ...names], options.missing);
  return {
    rows,
    omitted,
    time: numericAt(table, columns.time, rows),
    event: eventAt(table, columns.event, rows),
    survival: predictionsAt(table, columns.survival, rows),
  };
}
