import type { TableLike } from '@tace/core';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { CalibrationOptions, CalibrationResult } from './calibration.js';
import { calibration as calibrationKernel } from './calibration.js';

/** Columns of {@link calibration} and `decisionCurve`. */
export interface RiskColumns {
  time: string;
  event: string;
  /** Predicted probability of an event by `options.time`. */
  risk: string;
}

/**
 * Calibration at `options.time` of a predicted-risk column: quantile groups of the risk, mean prediction
 * against 1 - KM(t). See the array-level `calibration` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, tied quantile breaks.
 * @example calibration(test, { time: 'os', event: 'death', risk: 'risk24' }, { time: 24, groups: 5 })
 */
export function calibration(
  table: TableLike,
  columns: RiskColumns,
  options: CalibrationOptions,
): CalibrationResult {
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.risk], options.missing);
  const result = calibrationKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, columns.risk, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}
