import {
  Table as ArrowTable,
  Bool,
  DataType,
  Float64,
  makeVector,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { TaceError } from '../errors/tace-error.js';
import { columnNames, getColumn, rowCount } from '../table/columns.js';
import { orderedRecord, orderedTable } from '../table/ordered-table.js';
import type { Column, ColumnTable, TableLike } from '../table/types.js';

/**
 * An Apache Arrow table from any table. Typed arrays keep their type (a `Float64Array` becomes Float64 with
 * NaN kept as NaN); plain arrays become Float64 (numbers; `null`/`undefined` -> null), Utf8 (strings) or Bool
 * (booleans), with `null` for missing entries. An Arrow table is returned as is.
 * @throws {TaceError} `INVALID_ARGUMENT` for a column mixing kinds (e.g. numbers and strings).
 * @example toArrowTable({ id: ['a', 'b'], age: new Float64Array([61, 70]) }).numRows // 2
 */
export function toArrowTable(table: TableLike): ArrowTable {
  if (table instanceof ArrowTable) return table;
  rowCount(table);
  const names = columnNames(table);
  // keyed in column order whatever the names (integer-like, __proto__): apache-arrow reads Object.keys
  const vectors = orderedRecord(
    names,
    names.map((name) => toVector(getColumn(table, name), name)),
  );
  return new ArrowTable(vectors);
}

function toVector(values: ArrayLike<unknown>, name: string): Vector {
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    return makeVector(values as Float64Array);
  }
  let kind: 'number' | 'string' | 'boolean' | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const k =
      typeof v === 'number'
        ? 'number'
        : typeof v === 'string'
          ? 'string'
          : typeof v === 'boolean'
            ? 'boolean'
            : null;
    if (k === null || (kind !== null && k !== kind)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `column '${name}' mixes value kinds (row ${i + 1} holds a ${typeof v})`,
        {
          param: `column '${name}'`,
          remedy: 'convert the column to one kind (numbers, strings or booleans) first',
        },
      );
    }
    kind = k;
  }
  const array = Array.from(values, (v) => (v === undefined ? null : v));
  const type: DataType = kind === 'string' ? new Utf8() : kind === 'boolean' ? new Bool() : new Float64();
  return vectorFromArray(array, type);
}

/**
 * A plain {@link ColumnTable} from an Arrow table with the toolkit's conventions: every numeric column (ints,
 * floats, 64-bit ints, decimals read as numbers) becomes a `Float64Array` with NaN for null; strings and
 * dictionary-encoded strings become `(string | null)[]`; booleans `(boolean | null)[]`; anything else (dates,
 * lists) an array of the values Arrow returns, null for missing. Columns keep the schema's order.
 * @example fromArrowTable(toArrowTable({ x: [1, null] })).x // Float64Array [1, NaN]
 */
export function fromArrowTable(table: ArrowTable): ColumnTable {
  const names: string[] = [];
  const columns: Column[] = [];
  for (const field of table.schema.fields) {
    const child = table.getChild(field.name)!;
    const n = child.length;
    if (DataType.isFloat(field.type) || DataType.isInt(field.type) || DataType.isDecimal(field.type)) {
      const numbers = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = child.get(i);
        numbers[i] = v === null || v === undefined ? Number.NaN : Number(v);
      }
      names.push(field.name);
      columns.push(numbers);
    } else {
      const values = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = child.get(i);
        values[i] = v === undefined ? null : v;
      }
      names.push(field.name);
      columns.push(values);
    }
  }
  return orderedTable(names, columns);
}
