import { describeValue, isMissing, TaceError, toNumericArray } from '@tace/core';

/**
 * The values of `column` at `rows` as a `Float64Array` (booleans as 0/1, missing as NaN), reading typed
 * columns directly without boxing.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` for a non-numeric value.
 */
export function gatherNumeric(column: ArrayLike<unknown>, rows: Int32Array, param: string): Float64Array {
  return gatherNumericInto(column, rows, param, new Float64Array(rows.length));
}

/**
 * {@link gatherNumeric} into `out` (length `rows.length`, e.g. one column of a column-major matrix);
 * returns `out`.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` for a non-numeric value.
 */
export function gatherNumericInto(
  column: ArrayLike<unknown>,
  rows: Int32Array,
  param: string,
  out: Float64Array,
): Float64Array {
  if (isNumberView(column)) {
    for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]];
    return out;
  }
  const values = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = column[rows[i]];
  out.set(toNumericArray(values, param));
  return out;
}

/**
 * A permuted gather of a typed column: `out[destination[j]] = column[rows[j]]` for every j. The reads follow
 * `rows` (sequential when they ascend) and the writes scatter, which runs faster than gathering through a
 * random permutation. Returns false, doing nothing, when `column` is not a typed array of numbers.
 */
export function scatterNumericInto(
  column: ArrayLike<unknown>,
  rows: Int32Array,
  destination: Int32Array,
  out: Float64Array,
): boolean {
  if (!isNumberView(column)) return false;
  for (let j = 0; j < rows.length; j++) out[destination[j]] = column[rows[j]];
  return true;
}

function isNumberView(column: ArrayLike<unknown>): column is ArrayLike<number> {
  return ArrayBuffer.isView(column) && !(column instanceof BigInt64Array || column instanceof BigUint64Array);
}

/** Event labels read as R's `as.logical` (and `read.csv`) reads them: TRUE/FALSE, T/F, true/false, True/False. */
const EVENT_LABELS: Record<string, number> = {
  TRUE: 1,
  T: 1,
  true: 1,
  True: 1,
  FALSE: 0,
  F: 0,
  false: 0,
  False: 0,
};

/**
 * An event column at `rows` as 0/1 numbers (missing as NaN): numbers, booleans, numeric strings and the
 * logical labels R reads as TRUE/FALSE (`"TRUE"`, `"T"`, `"true"`, `"True"` and their FALSE forms).
 * Other values are kept for the outcome check to report.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` and the (1-based) table row for any other text.
 */
export function gatherEvent(column: ArrayLike<unknown>, rows: Int32Array, param: string): Float64Array {
  if (ArrayBuffer.isView(column)) return gatherNumeric(column, rows, param);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = column[rows[i]];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (isMissing(v)) out[i] = Number.NaN;
    else if (typeof v === 'string' && v.trim() in EVENT_LABELS) out[i] = EVENT_LABELS[v.trim()];
    else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim())))
      out[i] = Number(v);
    else {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${rows[i] + 1} holds ${describeValue(v)}, which is not an event indicator`,
        {
          param,
          remedy:
            'code events as 1/0, true/false or TRUE/FALSE (T/F); recode other labels first (e.g. "dead" -> 1)',
        },
      );
    }
  }
  return out;
}
