import type { ColumnTable, TableLike } from '@tace/core';
import { getColumn, isMissing, TaceError } from '@tace/core';
import type { CoxColumns, CoxModel, CoxphOptions } from '../cox/coxph.js';
import { coxph } from '../cox/coxph.js';

/** Columns of {@link causeSpecificCox}: those of `coxph` with a failure-status column instead of `event`. */
export interface CauseSpecificCoxColumns extends Omit<CoxColumns, 'event'> {
  /** Failure status column: one code per cause, `censorCode` for censored. */
  status: string;
}

/** Options of {@link causeSpecificCox}: those of `coxph` and the cause modelled. */
export interface CauseSpecificCoxOptions extends CoxphOptions {
  /** The status value of the cause modelled; every other value counts as censored. */
  cause: string | number;
}

/**
 * Cause-specific Cox model: `coxph` with failures from the other causes (and censorings) treated as
 * censored, as R `coxph(Surv(time, status == cause) ~ ...)`. Its hazard ratios describe the cause-specific
 * hazard (aetiology), not the cumulative incidence (see `fineGray`).
 * @throws {TaceError} as `coxph`; `EMPTY_INPUT` when no row has the cause.
 * @example causeSpecificCox(cohort, { time: 'months', status: 'outcome', covariates: ['afp', 'albi'] }, { cause: 'progression' })
 */
export function causeSpecificCox(
  table: TableLike,
  columns: CauseSpecificCoxColumns,
  options: CauseSpecificCoxOptions,
): CoxModel {
  const { status, ...rest } = columns;
  const used = [rest.time, ...rest.covariates, rest.strata, rest.weights, rest.offset, rest.cluster];
  const view: ColumnTable = {};
  for (const name of used) if (name !== undefined) view[name] = getColumn(table, name);
  const codes = getColumn(table, status);
  const cause = String(options.cause);
  const event = new Array<number | null>(codes.length);
  let events = 0;
  for (let i = 0; i < codes.length; i++) {
    const v = codes[i];
    event[i] = isMissing(v) ? null : String(v).trim() === cause ? 1 : 0;
    events += event[i] === 1 ? 1 : 0;
  }
  if (events === 0) {
    throw new TaceError('EMPTY_INPUT', `column '${status}' has no row with cause ${cause}`, {
      param: 'cause',
      remedy: 'choose a cause code present in the status column',
    });
  }
  let eventName = `${status} == ${cause}`;
  while (eventName in view) eventName = `${eventName}_`;
  view[eventName] = event;
  const { cause: _cause, ...fitOptions } = options;
  return coxph(view, { ...rest, event: eventName }, fitOptions);
}
