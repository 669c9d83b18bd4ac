import type { TableLike } from '@tace/core';
import { numericAt } from './table-columns.js';

/** One column name, or one per evaluation time, as a list. */
export function columnList(names: string | readonly string[]): string[] {
  return typeof names === 'string' ? [names] : [...names];
}

/** The prediction column(s) at `rows`: one array when one name was given, else one array per name. */
export function predictionsAt(
  table: TableLike,
  names: string | readonly string[],
  rows: Int32Array,
): Float64Array | Float64Array[] {
  return typeof names === 'string'
    ? numericAt(table, names, rows)
    : names.map((name) => numericAt(table, name, rows));
}
