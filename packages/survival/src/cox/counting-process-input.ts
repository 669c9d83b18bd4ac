import type { TableLike } from '@tace/core';
import { getColumn, TaceError } from '@tace/core';
import { gatherNumeric } from '../internal/gather.js';
import type { ConcordanceResult } from '../metrics/concordance.js';

/**
 * The start column of counting-process (start, stop] data at `rows`, checked: finite and start < stop on
 * every row, as R's `Surv(start, stop, event)`.
 * @throws {TaceError} `INVALID_ARGUMENT` naming the column and the row.
 */
export function readStart(
  table: TableLike,
  name: string,
  rows: Int32Array,
  stop: Float64Array,
): Float64Array {
  const start = gatherNumeric(getColumn(table, name), rows, `column '${name}'`);
  for (let i = 0; i < start.length; i++) {
    if (!Number.isFinite(start[i]) || !(start[i] < stop[i])) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `column '${name}' at row ${rows[i] + 1} is ${start[i]}, not before the stop time ${stop[i]}`,
        {
          param: `column '${name}'`,
          remedy: 'each (start, stop] interval needs start < stop (R: "Stop time must be > start time")',
        },
      );
    }
  }
  return start;
}

/**
 * A concordance of NaN counts: for counting-process fits (R's time-dependent version is not computed) and fits
 * with no comparable pair.
 */
export function countingConcordance(n: number): ConcordanceResult {
  return {
    concordance: Number.NaN,
    stdErr: Number.NaN,
    concordant: Number.NaN,
    discordant: Number.NaN,
    tiedRisk: Number.NaN,
    tiedTime: Number.NaN,
    tiedBoth: Number.NaN,
    n,
    method: 'harrell',
    omitted: 0,
  };
}
