import { readFileSync } from 'node:fs';
import { TaceError } from '@tace/core';
import { gunzipSync } from 'fflate';

/** Reads a text file, gunzipping `.gz` files. @throws {TaceError} `IO_ERROR`. */
export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read ${path}`, { param: path, cause, remedy: 'check the path' });
  }
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  return new TextDecoder().decode(bytes);
}
