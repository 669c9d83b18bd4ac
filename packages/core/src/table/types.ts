import type { Table as ArrowTable } from 'apache-arrow';

/** One column: a typed array or a plain array of numbers, strings, booleans, bigints or missing values. */
export type Column = ArrayLike<unknown>;

/** A plain table: an object of equal-length columns, in insertion order. */
export type ColumnTable = Record<string, Column>;

/**
 * Anything with named columns, read through `columns` and `column(name).values`: this is how a danfo.js
 * `DataFrame` (or any similar object) is accepted without depending on danfo.
 */
export interface DataFrameLike {
  columns: string[];
  column(name: string): { values: ArrayLike<unknown> };
}

/**
 * What every public function that takes patients accepts: an Apache Arrow `Table`, a plain
 * {@link ColumnTable}, or a {@link DataFrameLike} (danfo.js `DataFrame`).
 */
export type TableLike = ArrowTable | ColumnTable | DataFrameLike;

/**
 * Missing-value policy, used everywhere a table is read:
 * - `'error'` (default): any missing value in a used column throws `TaceError('MISSING_VALUE')` naming the
 *   column and the first offending row;
 * - `'omit'`: rows with a missing value in any used column are dropped and the number dropped is reported
 *   in the result (`omitted`), never silently.
 *
 * Missing means `null`, `undefined`, `NaN`, or the strings `''`, `'NA'`, `'NaN'`, `'nan'`, `'null'`.
 */
export type MissingPolicy = 'error' | 'omit';
