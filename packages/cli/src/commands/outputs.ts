import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TaceError } from '@tace/core';

/** One output of a command: the option naming it, its path, and whether it is a file or a folder. */
export interface OutputPath {
  /** The option, e.g. `--out` or `--compare-out`. */
  option: string;
  path: string;
  kind: 'file' | 'directory';
}

/** Node's system error (`ENOTDIR`, `EACCES`, ...) with the path it concerns. */
export interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

/** True for a Node system error (`code` like `ENOENT`), the kind `fs` throws. */
export function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as SystemError).code === 'string' &&
    /^E[A-Z]+$/.test((error as SystemError).code)
  );
}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it exists and is not a folder',
  EDQUOT: 'disk quota exceeded',
};

/** A one-line reason for a system error: `ENOTDIR (a part of the path is a file, not a folder)`. */
export function systemErrorReason(error: SystemError): string {
  const reason = REASONS[error.code];
  return reason === undefined ? error.code : `${error.code}: ${reason}`;
}

function unwritable(output: OutputPath, path: string, cause: unknown, why?: string): TaceError {
  const reason = why ?? (isSystemError(cause) ? systemErrorReason(cause) : String(cause));
  return new TaceError(
    'IO_ERROR',
    `cannot write ${output.option} ${output.path}${path === output.path ? '' : ` (at ${path})`}: ${reason}`,
    {
      param: output.option,
      remedy: `choose an ${output.option} in a folder you can write to`,
      cause,
    },
  );
}

/**
 * Checks, before any work starts, that every output can be written: creates the folders (`kind:
 * 'directory'` itself, the parent folder of a file) and writes and removes a probe file in each, so that a
 * path under a file, under `/sys` or in a read-only folder is reported at once, not after the computation.
 * @throws {TaceError} `IO_ERROR` naming the option, the path and the reason (param: the option).
 * @example prepareOutputs([{ option: '--out', path: 'scores.csv', kind: 'file' }]);
 */
export function prepareOutputs(outputs: readonly OutputPath[]): void {
  for (const output of outputs) {
    const path = resolve(output.path);
    if (existsSync(path)) {
      const directory = statSync(path).isDirectory();
      if (output.kind === 'file' && directory) {
        throw unwritable(output, path, null, 'it is a folder; give a file name');
      }
      if (output.kind === 'directory' && !directory) {
        throw unwritable(output, path, null, 'it is a file; give a folder');
      }
    }
    const folder = output.kind === 'directory' ? path : dirname(path);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw unwritable(output, isSystemError(error) && error.path ? error.path : folder, error);
    }
    const probe = join(folder, `.tace-write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      writeFileSync(probe, '');
    } catch (error) {
      throw unwritable(output, folder, error);
    } finally {
      rmSync(probe, { force: true });
    }
  }
}
