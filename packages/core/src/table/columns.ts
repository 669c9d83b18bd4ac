import type { Table as ArrowTable } from 'apache-arrow';
import { TaceError } from '../errors/tace-error.js';
import { orderedTable } from './ordered-table.js';
import type { Column, ColumnTable, DataFrameLike, TableLike } from './types.js';

function isArrowTable(table: unknown): table is ArrowTable {
  return (
    typeof table === 'object' &&
    table !== null &&
    'schema' in table &&
    'getChild' in table &&
    typeof (table as ArrowTable).getChild === 'function'
  );
}

function isDataFrameLike(table: unknown): table is DataFrameLike {
  return (
    typeof table === 'object' &&
    table !== null &&
    Array.isArray((table as DataFrameLike).columns) &&
    typeof (table as DataFrameLike).column === 'function'
  );
}

/**
 * Names of a table's columns, in order.
 * @throws {TaceError} `INVALID_ARGUMENT` when `table` is not a table.
 * @example columnNames({ id: ['a', 'b'], age: [61, 70] }) // ['id', 'age']
 */
export function columnNames(table: TableLike): string[] {
  if (isArrowTable(table)) return table.schema.fields.map((f) => f.name);
  if (isDataFrameLike(table)) return [...table.columns];
  if (typeof table === 'object' && table !== null) return Object.keys(table);
  throw new TaceError('INVALID_ARGUMENT', 'expected a table (Arrow Table, object of columns or DataFrame)', {
    param: 'table',
  });
}

/**
 * The raw values of one column. Arrow columns come back as arrays (dictionary columns decoded, nulls as
 * `null`); plain columns are returned as they are, without copying.
 * @throws {TaceError} `COLUMN_NOT_FOUND` listing the available columns.
 * @example getColumn({ age: [61, 70] }, 'age') // [61, 70]
 */
export function getColumn(table: TableLike, name: string): Column {
  if (isArrowTable(table)) {
    const child = table.getChild(name);
    if (child === null) throw columnNotFound(table, name);
    if (child.nullCount === 0 && ArrayBuffer.isView(child.toArray())) return child.toArray() as Column;
    const out = new Array<unknown>(child.length);
    for (let i = 0; i < child.length; i++) {
      const v = child.get(i);
      out[i] = v === undefined ? null : v;
    }
    return out;
  }
  if (isDataFrameLike(table)) {
    if (!table.columns.includes(name)) throw columnNotFound(table, name);
    return table.column(name).values;
  }
  const column = (table as ColumnTable)[name];
  if (column === undefined || !Object.hasOwn(table, name)) throw columnNotFound(table, name);
  return column;
}

/** True when the table has a column called `name`. */
export function hasColumn(table: TableLike, name: string): boolean {
  return columnNames(table).includes(name);
}

/**
 * Number of rows. For a plain table, checks that all columns have the same length.
 * @throws {TaceError} `LENGTH_MISMATCH` naming the first column whose length differs.
 */
export function rowCount(table: TableLike): number {
  if (isArrowTable(table)) return table.numRows;
  const names = columnNames(table);
  if (names.length === 0) return 0;
  const n = getColumn(table, names[0]).length;
  for (const name of names) {
    const length = getColumn(table, name).length;
    if (length !== n) {
      throw new TaceError(
        'LENGTH_MISMATCH',
        `column '${name}' has ${length} rows but '${names[0]}' has ${n}`,
        {
          param: `column '${name}'`,
          remedy: 'give every column one value per row',
        },
      );
    }
  }
  return n;
}

/**
 * Converts any {@link TableLike} to a plain {@link ColumnTable} (columns not copied when already plain).
 * @example toColumnTable(arrowTable).age
 */
export function toColumnTable(table: TableLike): ColumnTable {
  if (!isArrowTable(table) && !isDataFrameLike(table)) {
    rowCount(table);
    return table as ColumnTable;
  }
  const names = columnNames(table);
  return orderedTable(
    names,
    names.map((name) => getColumn(table, name)),
  );
}

function columnNotFound(table: TableLike, name: string): TaceError {
  const available = columnNames(table);
  const shown = available.slice(0, 20).join(', ') + (available.length > 20 ? ', ...' : '');
  return new TaceError('COLUMN_NOT_FOUND', `no column named '${name}'`, {
    param: `column '${name}'`,
    remedy: `use one of: ${shown}`,
  });
}
