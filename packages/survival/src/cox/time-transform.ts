import type { ColumnTable, TableLike } from '@tace/core';
import { completeCases, getColumn, TaceError } from '@tace/core';
import { gatherEvent, gatherNumeric } from '../internal/gather.js';
import type { CoxColumns, CoxModel, CoxphOptions } from './coxph.js';
import { survSplit } from './surv-split.js';

/** A time-transformed covariate, as a term `tt(column)` of R's `coxph(..., tt = transform)`. */
export interface TimeTransform {
  /** The column transformed. */
  column: string;
  /** Value of the covariate at time t for a subject with value x (R's `tt(x, t, ...)`), e.g. `x * log(t)`. */
  transform: (x: number, t: number) => number;
}

/**
 * Fits a Cox model with time-transformed covariates the way R's `coxph(tt = ...)` does: the follow-up is
 * split at every distinct event time and each transformed covariate is evaluated at the end of each piece
 * (the event time whose risk set the piece belongs to); the model is then fitted on the (start, stop] rows.
 * `fit` is the right-censored / counting-process `coxph` (passed in to keep the modules acyclic).
 * @throws {TaceError} `INVALID_ARGUMENT` when a transformed name collides with a column or is not a covariate.
 */
export function coxphWithTimeTransforms(
  table: TableLike,
  columns: CoxColumns,
  options: CoxphOptions,
  fit: (table: TableLike, columns: CoxColumns, options: CoxphOptions) => CoxModel,
): CoxModel {
  const transforms = columns.timeTransforms ?? {};
  const names = Object.keys(transforms);
  for (const name of names) {
    if (!columns.covariates.includes(name)) {
      throw new TaceError('INVALID_ARGUMENT', `time transform '${name}' is not among the covariates`, {
        param: 'timeTransforms',
        remedy: `add '${name}' to covariates (it is the name of the transformed term)`,
      });
    }
  }
  // event times among the rows used
  const used = [columns.time, columns.event, ...columns.covariates.filter((c) => !names.includes(c))];
  for (const t of names) used.push(transforms[t].column);
  const { rows } = completeCases(table, used, options.missing ?? 'error');
  const stop = gatherNumeric(getColumn(table, columns.time), rows, `column '${columns.time}'`);
  const event = gatherEvent(getColumn(table, columns.event), rows, `column '${columns.event}'`);
  const cuts = [...new Set(Array.from(stop).filter((_, i) => event[i] === 1))].sort((a, b) => a - b);
  const startName = columns.start ?? uniqueName(table, 'tt_start');
  const split: ColumnTable = survSplit(
    table,
    { time: columns.time, event: columns.event, start: columns.start },
    { cut: cuts, startName, episodeName: uniqueName(table, 'tt_episode') },
  );
  const pieceStop = split[columns.time] as Float64Array;
  for (const name of names) {
    if (name in split) {
      throw new TaceError('INVALID_ARGUMENT', `time transform '${name}' has the name of a column`, {
        param: 'timeTransforms',
        remedy: `name the transformed term differently, e.g. 'tt_${name}'`,
      });
    }
    const { column, transform } = transforms[name];
    const x = split[column] as ArrayLike<unknown>;
    split[name] = Float64Array.from(pieceStop, (t, r) =>
      typeof x[r] === 'number' ? transform(x[r] as number, t) : Number.NaN,
    );
  }
  return fit(split, { ...columns, start: startName, timeTransforms: undefined }, options);
}

function uniqueName(table: TableLike, base: string): string {
  let name = base;
  const has = (n: string) => {
    try {
      getColumn(table, n);
      return true;
    } catch {
      return false;
    }
  };
  while (has(name)) name = `${name}_`;
  return name;
}
