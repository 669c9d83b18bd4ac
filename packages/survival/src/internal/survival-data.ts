import type { MissingPolicy } from '@tace/core';
import { assertOneOf, describeValue, isMissing, TaceError } from '@tace/core';

/** A right-censored outcome after validation: times >= 0 and events 0/1, missing rows removed. */
export interface SurvivalData {
  /** Follow-up times (finite, >= 0), in the caller's unit. */
  time: Float64Array;
  /** 1 = event, 0 = censored. */
  event: Uint8Array;
  /** Indices (into the caller's arrays) of the rows kept, ascending. */
  rows: Int32Array;
  /** Number of rows dropped for a missing value (policy `'omit'`). */
  omitted: number;
}

/** Names used in error messages for the outcome arrays. */
export interface OutcomeNames {
  time?: string;
  event?: string;
}

/** Array-like input accepted for times and events. */
export type NumericInput = ArrayLike<number> | ArrayLike<number | null | undefined>;
/** Event indicator: 0/1 numbers or booleans. */
export type EventInput = ArrayLike<number | boolean | null | undefined>;

function eventValue(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 0 || v === 1) return v;
  return -1;
}

/**
 * Validates a survival outcome at the public boundary and applies the missing-value policy.
 * `extra` are further per-row arrays whose missing values (NaN/null) also count as missing.
 * @throws {TaceError} `LENGTH_MISMATCH`, `MISSING_VALUE`, `INVALID_ARGUMENT` (negative/infinite time,
 * event not 0/1), naming the array.
 */
export function toSurvivalData(
  time: NumericInput,
  event: EventInput,
  missing: MissingPolicy = 'error',
  names: OutcomeNames = {},
  extra: [string, ArrayLike<unknown>][] = [],
): SurvivalData {
  assertOneOf(missing, 'missing', ['error', 'omit']);
  const timeName = names.time ?? 'time';
  const eventName = names.event ?? 'event';
  const n = time.length;
  for (const [name, values] of [[eventName, event] as [string, ArrayLike<unknown>], ...extra]) {
    if (values.length !== n) {
      throw new TaceError('LENGTH_MISMATCH', `${name} has length ${values.length} but ${timeName} has ${n}`, {
        param: name,
        remedy: 'pass one value per subject in every array',
      });
    }
  }
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    const e = event[i];
    let miss: string | null = null;
    if (isMissing(t)) miss = timeName;
    else if (isMissing(e)) miss = eventName;
    else {
      for (const [name, values] of extra) {
        if (isMissing(values[i])) {
          miss = name;
          break;
        }
      }
    }
    if (miss !== null) {
      if (missing === 'error') {
        throw new TaceError('MISSING_VALUE', `${miss} is missing at row ${i + 1}`, {
          param: miss,
          remedy: "remove the row, or pass missing: 'omit' to drop incomplete rows (they are counted)",
        });
      }
      continue;
    }
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw new TaceError('INVALID_ARGUMENT', `${timeName} at row ${i + 1} is ${describeValue(t)}`, {
        param: timeName,
        remedy: 'survival times must be finite and >= 0; check the unit and the data entry',
      });
    }
    if (eventValue(e) < 0) {
      throw new TaceError('INVALID_ARGUMENT', `${eventName} at row ${i + 1} is ${describeValue(e)}`, {
        param: eventName,
        remedy:
          'code events as 1 (event) / 0 (censored) or true/false; recode R-style 1/2 status as status - 1',
      });
    }
    keep[i] = 1;
    kept++;
  }
  const rows = new Int32Array(kept);
  const t = new Float64Array(kept);
  const ev = new Uint8Array(kept);
  for (let i = 0, j = 0; i < n; i++) {
    if (!keep[i]) continue;
    rows[j] = i;
    t[j] = time[i] as number;
    ev[j] = eventValue(event[i]);
    j++;
  }
  return { time: t, event: ev, rows, omitted: n - kept };
}

/**
 * Throws `EMPTY_INPUT` when there is no row or no event.
 * @throws {TaceError} `EMPTY_INPUT` naming the event array.
 */
export function assertHasEvents(data: SurvivalData, eventName = 'event'): void {
  if (data.time.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no complete rows', {
      param: eventName,
      remedy: 'pass at least one subject with a time and an event indicator',
    });
  }
  let events = 0;
  for (let i = 0; i < data.event.length; i++) events += data.event[i];
  if (events === 0) {
    throw new TaceError('EMPTY_INPUT', `${eventName} has no events (all ${data.time.length} rows censored)`, {
      param: eventName,
      remedy: 'check the event coding (1 = event); a survival analysis needs at least one event',
    });
  }
}
