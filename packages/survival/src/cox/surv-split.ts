import type { ColumnTable, TableLike } from '@tace/core';
import { assertFiniteNumber, columnNames, getColumn, isMissing, rowCount, TaceError } from '@tace/core';
import { assertAscending } from '../internal/assert-ascending.js';
import { gatherNumeric } from '../internal/gather.js';

/** Columns of {@link survSplit}: the outcome to split. */
export interface SurvSplitColumns {
  /** Follow-up (stop) time column. */
  time: string;
  /** Event column (1/true = event): kept on the last piece of each row, 0 on the others. */
  event: string;
  /** Existing start column of (start, stop] data. @default undefined (every row starts at 0) */
  start?: string;
}

/** Options of {@link survSplit}. */
export interface SurvSplitOptions {
  /** Cut times, strictly ascending (R `cut`): a row is split at every cut strictly inside (start, stop). */
  cut: readonly number[];
  /** Name of the start column written (R `start`); the existing one when `columns.start` is given. @default 'tstart' */
  startName?: string;
  /** Name of the interval-number column written (R `episode`): 1 + the number of cuts <= the piece's start. @default 'episode' */
  episodeName?: string;
}

/**
 * Splits follow-up at cut times into counting-process (start, stop] rows, as R `survival::survSplit(Surv(time,
 * event) ~ ., data, cut, start = "tstart", episode = "episode")`: each input row becomes one row per interval
 * between the cuts that fall strictly inside its (start, stop), every other column repeated, the event kept on
 * the last piece only. Rows are kept in input order, pieces in time order. Missing times or events are
 * copied through unsplit (as R).
 * @throws {TaceError} `COLUMN_NOT_FOUND`; cut times not finite or not strictly ascending.
 * @example survSplit(cohort, { time: 'months', event: 'dead' }, { cut: [6, 12, 24] }) // then coxph with start: 'tstart'
 */
export function survSplit(
  table: TableLike,
  columns: SurvSplitColumns,
  options: SurvSplitOptions,
): ColumnTable {
  const cut = options.cut;
  for (const c of cut) assertFiniteNumber(c, 'cut');
  assertAscending(cut, 'cut');
  const startName = columns.start ?? options.startName ?? 'tstart';
  const episodeName = options.episodeName ?? 'episode';
  const names = columnNames(table);
  if (columns.start === undefined && names.includes(startName)) {
    throw new TaceError('INVALID_ARGUMENT', `the table already has a column '${startName}'`, {
      param: 'startName',
      remedy: 'pass columns.start to split (start, stop] data, or choose another startName',
    });
  }
  if (names.includes(episodeName)) {
    throw new TaceError('INVALID_ARGUMENT', `the table already has a column '${episodeName}'`, {
      param: 'episodeName',
      remedy: 'choose another episodeName',
    });
  }
  const n = rowCount(table);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const stop = gatherNumeric(getColumn(table, columns.time), all, `column '${columns.time}'`);
  const event = getColumn(table, columns.event);
  const start =
    columns.start === undefined
      ? new Float64Array(n)
      : gatherNumeric(getColumn(table, columns.start), all, `column '${columns.start}'`);
  const source: number[] = [];
  const pieceStart: number[] = [];
  const pieceStop: number[] = [];
  const pieceEvent: unknown[] = [];
  const episode: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = start[i];
    const e = stop[i];
    let k = 0;
    while (k < cut.length && cut[k] <= s) k++;
    if (!Number.isNaN(e) && !Number.isNaN(s)) {
      for (; k < cut.length && cut[k] < e; k++) {
        source.push(i);
        pieceStart.push(s);
        pieceStop.push(cut[k]);
        pieceEvent.push(isMissing(event[i]) ? event[i] : typeof event[i] === 'boolean' ? false : 0);
        episode.push(k + 1);
        s = cut[k];
      }
    }
    source.push(i);
    pieceStart.push(s);
    pieceStop.push(e);
    pieceEvent.push(event[i]);
    episode.push(k + 1);
  }
  const out: ColumnTable = {};
  for (const name of names) {
    if (name === columns.time || name === columns.event || name === startName) continue;
    const column = getColumn(table, name);
    if (ArrayBuffer.isView(column)) {
      const typed = column as unknown as {
        constructor: new (n: number) => Record<number, unknown> & ArrayLike<unknown>;
      };
      const copy = new typed.constructor(source.length);
      for (let r = 0; r < source.length; r++) copy[r] = column[source[r]];
      out[name] = copy;
    } else out[name] = source.map((i) => column[i]);
  }
  out[startName] = Float64Array.from(pieceStart);
  out[columns.time] = Float64Array.from(pieceStop);
  out[columns.event] = pieceEvent;
  out[episodeName] = Int32Array.from(episode);
  return out;
}
