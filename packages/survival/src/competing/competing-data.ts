import type { MissingPolicy } from '@tace/core';
import { assertOneOf, describeValue, isMissing, TaceError } from '@tace/core';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { orderByTime } from '../internal/order.js';

/** A failure status: one code per subject (numbers or strings), one of them meaning censored. */
export type StatusInput = ArrayLike<string | number | null | undefined>;

/** Competing-risks data after validation, sorted by time (ties in input order, as R's `order`). */
export interface CompetingData {
  /** Times, ascending. */
  time: Float64Array;
  /** 0 = censored, k = failure of the k-th cause (1-based index into `causes`). */
  cause: Int32Array;
  /** Failure codes present, sorted as R's `sort(unique(...))` (numerically when all are numbers). */
  causes: string[];
  /** Row (into the caller's arrays) of each sorted subject. */
  rows: Int32Array;
  omitted: number;
}

/**
 * Validates time and status, drops rows missing any of them or of `extra` (policy `'omit'`), and sorts by
 * time. Failure codes are the status values other than `censorCode`.
 * @throws {TaceError} `LENGTH_MISMATCH`, `MISSING_VALUE`, `INVALID_ARGUMENT` (bad time), `EMPTY_INPUT`.
 */
export function toCompetingData(
  time: ArrayLike<number | null | undefined>,
  status: StatusInput,
  censorCode: string | number,
  missing: MissingPolicy = 'error',
  extra: [string, ArrayLike<unknown>][] = [],
): CompetingData {
  assertOneOf(missing, 'missing', ['error', 'omit']);
  const n = time.length;
  for (const [name, values] of [['status', status] as [string, ArrayLike<unknown>], ...extra]) {
    if (values.length !== n) {
      throw new TaceError('LENGTH_MISMATCH', `${name} has length ${values.length} but time has ${n}`, {
        param: name,
        remedy: 'pass one value per subject in every array',
      });
    }
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const missingName = isMissing(time[i])
      ? 'time'
      : isMissing(status[i])
        ? 'status'
        : extra.find(([, v]) => isMissing(v[i]))?.[0];
    if (missingName !== undefined) {
      if (missing === 'error') {
        throw new TaceError('MISSING_VALUE', `${missingName} is missing at row ${i + 1}`, {
          param: missingName,
          remedy: "remove the row, or pass missing: 'omit' to drop incomplete rows (they are counted)",
        });
      }
      continue;
    }
    const t = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw new TaceError('INVALID_ARGUMENT', `time at row ${i + 1} is ${describeValue(t)}`, {
        param: 'time',
        remedy: 'times must be finite and >= 0',
      });
    }
    keep.push(i);
  }
  if (keep.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no complete rows', {
      param: 'time',
      remedy: 'pass at least one subject',
    });
  }
  const kept = Int32Array.from(keep);
  const t = Float64Array.from(kept, (i) => time[i] as number);
  const order = orderByTime(t);
  const rows = Int32Array.from(order, (k) => kept[k]);
  const factor = toFactor(status as GroupInput, 'status', undefined, rows);
  const censorLevel = factor.levels.indexOf(String(censorCode));
  const causes = factor.levels.filter((_, k) => k !== censorLevel);
  const causeOfLevel = factor.levels.map((_, k) =>
    k === censorLevel ? 0 : k < censorLevel || censorLevel < 0 ? k + 1 : k,
  );
  return {
    time: Float64Array.from(order, (k) => t[k]),
    cause: Int32Array.from(factor.codes, (c) => causeOfLevel[c]),
    causes,
    rows,
    omitted: n - keep.length,
  };
}
