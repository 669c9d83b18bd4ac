import { TaceError } from '@tace/core';
import type { NumericInput } from '../internal/survival-data.js';

/**
 * One prediction array per evaluation time: either a single array (the same marker at every time) or one
 * array per time. Rows are picked with `rows` (the complete cases of the outcome).
 * @throws {TaceError} `LENGTH_MISMATCH` naming `param`; `MISSING_VALUE` for a NaN prediction.
 */
export function predictionsPerTime(
  predictions: NumericInput | readonly NumericInput[],
  nTimes: number,
  nRows: number,
  rows: Int32Array,
  param: string,
): Float64Array[] {
  const perTime = predictions.length > 0 && typeof predictions[0] === 'object' && predictions[0] !== null;
  const arrays = perTime ? (predictions as readonly NumericInput[]) : [predictions as NumericInput];
  if (perTime && arrays.length !== nTimes) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `${param} has ${arrays.length} arrays but there are ${nTimes} times`,
      {
        param,
        remedy: 'pass one prediction array per time, or a single array used at every time',
      },
    );
  }
  return Array.from({ length: nTimes }, (_, k) => {
    const values = arrays[perTime ? k : 0];
    if (values.length !== nRows) {
      throw new TaceError('LENGTH_MISMATCH', `${param} has length ${values.length} but time has ${nRows}`, {
        param,
        remedy: 'pass one prediction per subject',
      });
    }
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = values[rows[i]];
      if (typeof v !== 'number' || Number.isNaN(v)) {
        throw new TaceError('MISSING_VALUE', `${param} is missing at row ${rows[i] + 1}`, {
          param,
          remedy: 'predict for every subject with a complete outcome',
        });
      }
      out[i] = v;
    }
    return out;
  });
}
