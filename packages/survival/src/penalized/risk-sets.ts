import { assertSameLength, TaceError } from '@tace/core';

/**
 * Subjects sorted once by time, with the Breslow death-time groups that every Cox kernel here walks in
 * one pass. Ties between an event and a censoring at the same time put the event first, so a subject
 * censored at `t` is at risk at `t` (as `survival::coxph`, and as glmnet's `+ 100 * eps` nudge of censored
 * times).
 *
 * Group `k` holds the sorted positions `groupStart[k] .. groupStart[k + 1] - 1`: the subjects with time in
 * `[t_k, t_{k+1})`, where `t_k` is the `k`-th distinct event time. The risk set of `t_k` is every position
 * from `groupStart[k]` on. Positions before `groupStart[0]` (times before the first event) are in no risk set.
 */
export interface RiskSetIndex {
  /** Sorted position -> original row. */
  order: Int32Array;
  /** Start of each group, length `nGroups + 1`; the last entry is `n`. */
  groupStart: Int32Array;
  /** Number of events at each distinct event time `t_k`. */
  deaths: Float64Array;
  /** Event indicator (0/1) in sorted order. */
  event: Float64Array;
  /** Number of distinct event times. */
  nGroups: number;
}

/**
 * Builds the {@link RiskSetIndex} of `(time, event)`.
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-positive or non-finite time or an event not 0/1,
 *   `LENGTH_MISMATCH` when lengths differ.
 * @example riskSetIndex([2, 1, 3], [1, 1, 0]).order // Int32Array [1, 0, 2]
 */
export function riskSetIndex(time: ArrayLike<number>, event: ArrayLike<number>): RiskSetIndex {
  assertSameLength(['time', time], ['event', event]);
  const n = time.length;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(time[i]) && time[i] > 0)) {
      throw new TaceError('INVALID_ARGUMENT', `time must be finite and > 0, but time[${i}] = ${time[i]}`, {
        param: 'time',
        remedy: 'drop subjects without follow-up or add a small positive offset',
      });
    }
    if (event[i] !== 0 && event[i] !== 1) {
      throw new TaceError('INVALID_ARGUMENT', `event must be 0 or 1, but event[${i}] = ${event[i]}`, {
        param: 'event',
        remedy: 'code events as 1 and censored as 0 (R lung: status - 1)',
      });
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => time[a] - time[b] || event[b] - event[a]);
  const sortedEvent = new Float64Array(n);
  const starts: number[] = [];
  const deaths: number[] = [];
  let lastDeathTime = Number.NaN;
  for (let p = 0; p < n; p++) {
    const row = order[p];
    sortedEvent[p] = event[row];
    if (event[row] !== 1) continue;
    if (time[row] === lastDeathTime) {
      deaths[deaths.length - 1]++;
    } else {
      starts.push(p);
      deaths.push(1);
      lastDeathTime = time[row];
    }
  }
  starts.push(n);
  return {
    order,
    groupStart: Int32Array.from(starts),
    deaths: Float64Array.from(deaths),
    event: sortedEvent,
    nGroups: deaths.length,
  };
}
