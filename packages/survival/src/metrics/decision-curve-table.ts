import type { TableLike } from '@tace/core';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { RiskColumns } from './calibration-table.js';
import type { DecisionCurveOptions, DecisionCurveResult } from './decision-curve.js';
import { decisionCurve as decisionCurveKernel } from './decision-curve.js';

/**
 * Decision curve (net benefit, Vickers et al. 2008) at `options.time` of a predicted-risk column. See the
 * array-level `decisionCurve` of `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome, thresholds outside (0, 1).
 * @example decisionCurve(test, { time: 'os', event: 'death', risk: 'risk24' }, { time: 24 }).netBenefit
 */
export function decisionCurve(
  table: TableLike,
  columns: RiskColumns,
  options: DecisionCurveOptions,
): DecisionCurveResult {
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, columns.risk], options.missing);
  const result = decisionCurveKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    numericAt(table, columns.risk, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}
