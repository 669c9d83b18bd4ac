import { inflateRawSync } from 'node:zlib';
import { TaceError } from '@tace/core';
import dicomParser, { type DataSet } from 'dicom-parser';
import { readRegularFile } from './file-access.js';

/** Inflates a Deflated Explicit VR Little Endian data set (after the meta header at `position`). */
function inflater(bytes: Uint8Array, position: number): Uint8Array {
  const inflated = inflateRawSync(bytes.subarray(position), { maxOutputLength: MAX_INFLATED_BYTES });
  const out = new Uint8Array(position + inflated.length);
  out.set(bytes.subarray(0, position));
  out.set(inflated, position);
  return out;
}

/** Largest inflated size of a deflated data set: 1 GiB (a larger one is a gzip bomb, not a slice). */
const MAX_INFLATED_BYTES = 2 ** 30;

/**
 * Parses one DICOM file with dicom-parser (regular files only).
 * @throws {TaceError} `IO_ERROR` for a missing or non-regular file, `PARSE_ERROR` naming the file and the
 *   parser's reason.
 */
export function parseDicomFile(path: string): DataSet {
  const bytes = readRegularFile(path);
  try {
    return dicomParser.parseDicom(bytes, { inflater });
  } catch (cause) {
    throw new TaceError('PARSE_ERROR', `${path}: not a readable DICOM file (${parserReason(cause)})`, {
      param: path,
      cause,
    });
  }
}

/**
 * The reason dicom-parser gives: it throws strings, `Error`s, or objects `{ exception, dataSet }` (which
 * `String()` would print as `[object Object]`).
 */
export function parserReason(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  if (typeof cause === 'object' && cause !== null) {
    const record = cause as { exception?: unknown; message?: unknown };
    const inner = record.exception ?? record.message;
    if (inner !== undefined) return parserReason(inner);
    try {
      return JSON.stringify(cause).slice(0, 200);
    } catch {
      return Object.prototype.toString.call(cause);
    }
  }
  return String(cause);
}

/** Numbers of a multi-valued DS/IS element (`a\b\c`), or `null` when absent. */
export function numbers(dataSet: DataSet, tag: string): number[] | null {
  const text = dataSet.string(tag);
  if (text === undefined || text === '') return null;
  return text.split('\\').map(Number);
}
