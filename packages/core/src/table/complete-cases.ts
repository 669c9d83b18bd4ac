import { assertOneOf } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';
import { columnNames, getColumn, rowCount } from './columns.js';
import { isMissing } from './missing.js';
import type { ColumnTable, MissingPolicy, TableLike } from './types.js';

/** Result of {@link completeCases}. */
export interface CompleteCases {
  /** Indices (0-based) of the rows kept, ascending. */
  rows: Int32Array;
  /** Number of rows dropped for a missing value (always 0 under `'error'`). */
  omitted: number;
  /** Per column, how many rows were missing there. */
  missingByColumn: Record<string, number>;
}

/**
 * Applies the toolkit's missing-value policy to the named columns: under `'error'` (the default) the first
 * missing value throws; under `'omit'` the rows with any missing value are dropped and counted.
 * @throws {TaceError} `MISSING_VALUE` naming the column and row (policy `'error'`).
 * @example completeCases({ a: [1, null, 3] }, ['a'], 'omit') // { rows: [0, 2], omitted: 1, ... }
 */
export function completeCases(
  table: TableLike,
  columns: readonly string[],
  missing: MissingPolicy = 'error',
): CompleteCases {
  assertOneOf(missing, 'missing', ['error', 'omit']);
  const n = rowCount(table);
  const keep = new Uint8Array(n).fill(1);
  const missingByColumn: Record<string, number> = {};
  for (const name of columns) {
    const values = getColumn(table, name);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (isMissing(values[i])) {
        if (missing === 'error') {
          throw new TaceError('MISSING_VALUE', `column '${name}' is missing at row ${i + 1}`, {
            param: `column '${name}'`,
            remedy:
              "impute it, drop the row, or pass missing: 'omit' to drop incomplete rows (they are counted)",
          });
        }
        keep[i] = 0;
        count++;
      }
    }
    missingByColumn[name] = count;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += keep[i];
  const rows = new Int32Array(kept);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) rows[j++] = i;
  return { rows, omitted: n - kept, missingByColumn };
}

/**
 * Picks rows of a numeric array by index (a gather). Allocates once.
 * @example takeRows(new Float64Array([5, 6, 7]), Int32Array.of(0, 2)) // [5, 7]
 */
export function takeRows<T extends Float64Array | Int32Array | Uint8Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/**
 * Selects rows of a table by index, returning a plain column table (plain arrays and typed arrays keep
 * their kind).
 */
export function selectRows(table: TableLike, rows: ArrayLike<number>): ColumnTable {
  const out: ColumnTable = {};
  for (const name of columnNames(table)) {
    const values = getColumn(table, name);
    if (ArrayBuffer.isView(values)) {
      const Ctor = values.constructor as new (n: number) => { [i: number]: unknown; length: number };
      const typed = new Ctor(rows.length);
      for (let i = 0; i < rows.length; i++) typed[i] = values[rows[i]];
      out[name] = typed;
    } else {
      const array = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) array[i] = values[rows[i]];
      out[name] = array;
    }
  }
  return out;
}
