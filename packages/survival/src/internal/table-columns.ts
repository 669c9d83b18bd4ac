import type { MissingPolicy, TableLike } from '@tace/core';
import { completeCases, getColumn } from '@tace/core';
import type { DesignMatrix } from '../penalized/design-matrix.js';
import { gatherEvent, gatherNumeric } from './gather.js';

/** The complete rows of the named columns (undefined names skipped) under the missing-value policy. */
export function tableRows(
  table: TableLike,
  names: readonly (string | undefined)[],
  missing: MissingPolicy = 'error',
): { rows: Int32Array; omitted: number } {
  const present = names.filter((name): name is string => name !== undefined);
  const { rows, omitted } = completeCases(table, [...new Set(present)], missing);
  return { rows, omitted };
}

/** A numeric column at `rows` (booleans as 0/1). */
export function numericAt(table: TableLike, name: string, rows: Int32Array): Float64Array {
  return gatherNumeric(getColumn(table, name), rows, `column '${name}'`);
}

/** An event column at `rows` as 0/1 (booleans, and TRUE/FALSE, T/F, true/false text as R reads them). */
export function eventAt(table: TableLike, name: string, rows: Int32Array): Float64Array {
  return gatherEvent(getColumn(table, name), rows, `column '${name}'`);
}

/** A label column at `rows`, keeping numbers as numbers (so levels sort numerically, as R's factor). */
export function labelsAt(
  table: TableLike,
  name: string,
  rows: Int32Array,
): Float64Array | (string | number | boolean | null)[] {
  const column = getColumn(table, name);
  if (ArrayBuffer.isView(column)) return gatherNumeric(column, rows, `column '${name}'`);
  return Array.from(rows, (r) => column[r] as string | number | boolean | null);
}

/** The design matrix (column-major, named) of numeric columns at `rows`. */
export function designAt(table: TableLike, names: readonly string[], rows: Int32Array): DesignMatrix {
  const n = rows.length;
  const data = new Float64Array(n * names.length);
  names.forEach((name, j) => {
    data.set(numericAt(table, name, rows), j * n);
  });
  return { rows: n, columns: names.length, data, columnNames: [...names] };
}
