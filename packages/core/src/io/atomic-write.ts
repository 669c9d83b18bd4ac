import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TaceError } from '../errors/tace-error.js';

/**
 * Writes a file atomically: the data go to a temporary file in the same folder, which is then renamed over
 * `path`, so readers never see a half-written file and a failed write leaves any old file intact.
 * @throws {TaceError} `IO_ERROR` naming the path.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the cleanup must not hide the real error (e.g. ENOTDIR when the folder is a file)
    }
    throw new TaceError('IO_ERROR', `cannot write ${path}: ${(error as Error).message}`, {
      param: path,
      remedy: 'check that the folder exists and is writable',
      cause: error,
    });
  }
}
