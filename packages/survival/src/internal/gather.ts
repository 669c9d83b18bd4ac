import { toNumericArray } from '@tace/core';

/**
 * The values of `column` at `rows` as a `Float64Array` (booleans as 0/1, missing as NaN), reading typed
 * columns directly without boxing.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` for a non-numeric value.
 */
export function gatherNumeric(column: ArrayLike<unknown>, rows: Int32Array, param: string): Float64Array {
  if (ArrayBuffer.isView(column) && !(column instanceof BigInt64Array || column instanceof BigUint64Array)) {
    const typed = column as unknown as ArrayLike<number>;
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = typed[rows[i]];
    return out;
  }
  const values = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = column[rows[i]];
  return toNumericArray(values, param);
}
