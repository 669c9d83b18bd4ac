/**
 * Machine-readable error codes used across the toolkit. Codes are stable: scripts may switch on them.
 *
 * - `INVALID_ARGUMENT`: a parameter has a wrong type, range or value.
 * - `LENGTH_MISMATCH`: arrays or columns that must have equal length do not.
 * - `MISSING_VALUE`: a missing value met the `'error'` missing-value policy.
 * - `COLUMN_NOT_FOUND`: a named column is absent from a table.
 * - `PARSE_ERROR`: a file or text could not be parsed (the message names the file, line and column).
 * - `UNSUPPORTED`: a format, encoding, compression or option this toolkit does not implement.
 * - `IO_ERROR`: a file could not be read or written.
 * - `SINGULAR_MATRIX`: a matrix that must be invertible / positive definite is not.
 * - `NOT_CONVERGED`: an iterative fit did not converge.
 * - `GEOMETRY_MISMATCH`: image and mask grids disagree.
 * - `EMPTY_INPUT`: no rows, no events, an empty region of interest ...
 * - `MODEL_ERROR`: a model file or its manifest is inconsistent.
 * - `WORKER_ERROR`: a worker thread failed.
 */
export type TaceErrorCode =
  | 'INVALID_ARGUMENT'
  | 'LENGTH_MISMATCH'
  | 'MISSING_VALUE'
  | 'COLUMN_NOT_FOUND'
  | 'PARSE_ERROR'
  | 'UNSUPPORTED'
  | 'IO_ERROR'
  | 'SINGULAR_MATRIX'
  | 'NOT_CONVERGED'
  | 'GEOMETRY_MISMATCH'
  | 'EMPTY_INPUT'
  | 'MODEL_ERROR'
  | 'WORKER_ERROR'
  | 'MISSING_DEPENDENCY';

/** Extra context carried by a {@link TaceError}. */
export interface TaceErrorDetails {
  /** The offending parameter, column or file (e.g. `"time"`, `"column 'AFP'"`, `"/data/ct.nii.gz"`). */
  param?: string;
  /** What the user should do about it; appended to the message as "Suggestion: ...". */
  remedy?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error class of the toolkit. Every error raised at a public boundary is a `TaceError` with a
 * stable {@link TaceErrorCode}, the offending `param` and a message that quotes the bad value and ends with
 * what to do.
 *
 * @example
 * ```ts
 * throw new TaceError('INVALID_ARGUMENT', 'confLevel must be in (0, 1), but was 95', {
 *   param: 'confLevel',
 *   remedy: 'pass a proportion such as 0.95',
 * });
 * ```
 */
export class TaceError extends Error {
  /** Stable machine-readable code. */
  readonly code: TaceErrorCode;
  /** The offending parameter, column or file, when known. */
  readonly param: string | undefined;
  /** The suggested remedy, when given. */
  readonly remedy: string | undefined;

  constructor(code: TaceErrorCode, message: string, details: TaceErrorDetails = {}) {
    const where = details.param !== undefined ? `[${details.param}] ` : '';
    const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
    const fix = details.remedy !== undefined ? ` Suggestion: ${sentence(details.remedy)}` : '';
    super(`${where}${sentence(message)}${fix}`, { cause: details.cause });
    this.name = 'TaceError';
    this.code = code;
    this.param = details.param;
    this.remedy = details.remedy;
  }
}

/** True when `value` is a {@link TaceError}, optionally with the given code. */
export function isTaceError(value: unknown, code?: TaceErrorCode): value is TaceError {
  return value instanceof TaceError && (code === undefined || value.code === code);
}

/** Formats a value for an error message: short, quoted strings, finite numbers as is. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as Uint8Array).length}`;
  return Object.prototype.toString.call(value);
}
