import { describeValue, TaceError } from '../errors/tace-error.js';
import { getColumn } from './columns.js';
import { isMissing } from './missing.js';
import type { TableLike } from './types.js';

/**
 * A column as `Float64Array`, with `NaN` for missing values. Numbers are copied, booleans become 0/1,
 * bigints are converted, numeric strings are parsed.
 * @throws {TaceError} `COLUMN_NOT_FOUND`; `INVALID_ARGUMENT` naming the row of a non-numeric value.
 * @example numericColumn({ age: [61, 'NA', '70'] }, 'age') // Float64Array [61, NaN, 70]
 */
export function numericColumn(table: TableLike, name: string): Float64Array {
  return toNumericArray(getColumn(table, name), `column '${name}'`);
}

/**
 * Converts an array of numbers, numeric strings, booleans or bigints to a `Float64Array` (missing -> NaN).
 * @param param - name used in error messages.
 * @throws {TaceError} `INVALID_ARGUMENT` naming the row of a non-numeric value.
 */
export function toNumericArray(values: ArrayLike<unknown>, param = 'values'): Float64Array {
  if (values instanceof Float64Array) return new Float64Array(values);
  const out = new Float64Array(values.length);
  if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array)) {
    out.set(values as unknown as ArrayLike<number>);
    return out;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (typeof v === 'bigint') out[i] = Number(v);
    else if (isMissing(v)) out[i] = Number.NaN;
    else if (typeof v === 'string' && Number.isFinite(Number(v.trim())) && v.trim() !== '')
      out[i] = Number(v);
    else if (typeof v === 'string' && /^[+-]?(inf|infinity)$/i.test(v.trim()))
      out[i] = v.trim().startsWith('-') ? -Infinity : Infinity;
    else {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${i + 1} holds ${describeValue(v)}, which is not a number`,
        {
          param,
          remedy: 'fix or remove the value, or read this column as categorical',
        },
      );
    }
  }
  return out;
}

/** A column as strings, with `null` for missing values. */
export function stringColumn(table: TableLike, name: string): (string | null)[] {
  const values = getColumn(table, name);
  const out = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = isMissing(v) ? null : typeof v === 'string' ? v.trim() : String(v);
  }
  return out;
}

/** A categorical column: integer codes into `levels`, `-1` for missing. */
export interface CategoricalColumn {
  /** Code per row: index into `levels`, or -1 for a missing value. */
  codes: Int32Array;
  /** The levels, in order; the first is the reference level for treatment contrasts. */
  levels: string[];
}

/** Options for {@link categoricalColumn}. */
export interface CategoricalOptions {
  /**
   * The levels in order. Default: the distinct values sorted as R's `factor()` sorts them (numerically
   * when every value is a number, otherwise by string comparison).
   */
  levels?: string[];
}

/**
 * A column as a factor (codes + levels), as R's `factor()`.
 * @throws {TaceError} `INVALID_ARGUMENT` when a value is not among the given `levels`.
 * @example categoricalColumn({ sex: ['M', 'F', 'M'] }, 'sex') // { codes: [1, 0, 1], levels: ['F', 'M'] }
 */
export function categoricalColumn(
  table: TableLike,
  name: string,
  options: CategoricalOptions = {},
): CategoricalColumn {
  return toCategorical(stringColumn(table, name), `column '${name}'`, options);
}

/**
 * Encodes string labels (null = missing) as a factor.
 * @throws {TaceError} `INVALID_ARGUMENT` when a value is not among the given `levels`.
 */
export function toCategorical(
  labels: readonly (string | null)[],
  param = 'labels',
  options: CategoricalOptions = {},
): CategoricalColumn {
  let levels = options.levels;
  if (levels === undefined) {
    const distinct = [...new Set(labels.filter((v): v is string => v !== null))];
    const numeric = distinct.every((v) => v !== '' && Number.isFinite(Number(v)));
    levels = numeric
      ? distinct.sort((a, b) => Number(a) - Number(b))
      : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const index = new Map(levels.map((level, i) => [level, i]));
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v === null) {
      codes[i] = -1;
      continue;
    }
    const code = index.get(v);
    if (code === undefined) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${i + 1} holds ${describeValue(v)}, which is not a level`,
        {
          param,
          remedy: `use one of the levels ${levels.join(', ')} or leave levels unset`,
        },
      );
    }
    codes[i] = code;
  }
  return { codes, levels: [...levels] };
}
