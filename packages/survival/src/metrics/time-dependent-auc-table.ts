import type { TableLike } from '@tace/core';
import { columnList, predictionsAt } from '../internal/prediction-columns.js';
import { eventAt, numericAt, tableRows } from '../internal/table-columns.js';
import type { TimeDependentAucOptions, TimeDependentAucResult } from './time-dependent-auc.js';
import { timeDependentAuc as timeDependentAucKernel } from './time-dependent-auc.js';

/** Columns of {@link timeDependentAuc}. */
export interface TimeDependentAucColumns {
  time: string;
  event: string;
  /** Marker (higher = higher risk): one column, or one column per evaluation time. */
  marker: string | readonly string[];
}

/**
 * Cumulative/dynamic IPCW time-dependent AUC of a marker column at `options.times` (Uno et al. 2007), as
 * `riskRegression::Score(metrics = "auc", cens.model = "km")`. See the array-level `timeDependentAuc` of
 * `@tace/survival/kernels`.
 * @throws {TaceError} `COLUMN_NOT_FOUND`, `MISSING_VALUE`, invalid outcome or times.
 * @example timeDependentAuc(test, { time: 'os', event: 'death', marker: 'lp' }, { times: [12, 24] }).auc
 */
export function timeDependentAuc(
  table: TableLike,
  columns: TimeDependentAucColumns,
  options: TimeDependentAucOptions,
): TimeDependentAucResult {
  const names = columnList(columns.marker);
  const { rows, omitted } = tableRows(table, [columns.time, columns.event, ...names], options.missing);
  const result = timeDependentAucKernel(
    numericAt(table, columns.time, rows),
    eventAt(table, columns.event, rows),
    predictionsAt(table, columns.marker, rows),
    { ...options, missing: 'error' },
  );
  return { ...result, omitted };
}
