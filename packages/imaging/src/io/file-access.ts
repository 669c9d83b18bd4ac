import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { TaceError } from '@tace/core';

/**
 * Opens `path` for reading only when it is a regular file. The path is checked with `stat` before it is
 * opened (a FIFO would block `open` until a writer appears, `/dev/zero` would never end), then opened
 * non-blocking and checked again on the descriptor (the path may have been replaced in between).
 * @throws {TaceError} `IO_ERROR` naming the path: missing, unreadable, or not a regular file.
 */
function openRegularFile(path: string, source: string): { fd: number; size: number } {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read ${path}: ${reason(cause)}`, { param: source, cause });
  }
  assertRegular(stats, path, source);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read ${path}: ${reason(cause)}`, { param: source, cause });
  }
  const opened = fstatSync(fd);
  try {
    assertRegular(opened, path, source);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { fd, size: opened.size };
}

function assertRegular(stats: { isFile(): boolean; isDirectory(): boolean }, path: string, source: string) {
  if (stats.isFile()) return;
  const kind = stats.isDirectory() ? 'a folder' : 'not a regular file (a device, FIFO or socket)';
  throw new TaceError('IO_ERROR', `${path} is ${kind}; only regular files are read`, {
    param: source,
    remedy: 'point to the image file itself (a copy on disk), not a device, pipe or socket',
  });
}

/** The message of a file-system error without its stack. */
function reason(cause: unknown): string {
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}

/**
 * Reads a whole regular file, refusing devices, FIFOs and sockets before opening them, and files larger than
 * `maxBytes`.
 * @throws {TaceError} `IO_ERROR` naming the path.
 * @example const bytes = readRegularFile('ct.nii');
 */
export function readRegularFile(
  path: string,
  options: { source?: string; maxBytes?: number } = {},
): Uint8Array {
  const source = options.source ?? path;
  const { fd, size } = openRegularFile(path, source);
  try {
    if (options.maxBytes !== undefined && size > options.maxBytes) {
      throw new TaceError(
        'IO_ERROR',
        `${path} has ${size} bytes, more than the limit of ${options.maxBytes}`,
        {
          param: source,
        },
      );
    }
    const out = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, out, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? out : out.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads at most the first `length` bytes of a regular file (fewer when the file is shorter).
 * @throws {TaceError} `IO_ERROR` naming the path, as {@link readRegularFile}.
 */
export function readFileHead(path: string, length: number, source = path): Uint8Array {
  const { fd, size } = openRegularFile(path, source);
  try {
    const out = new Uint8Array(Math.min(length, size));
    const n = out.length === 0 ? 0 : readSync(fd, out, 0, out.length, 0);
    return out.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Size in bytes of a regular file, refusing devices, FIFOs and sockets. @throws {TaceError} `IO_ERROR`. */
export function regularFileSize(path: string, source = path): number {
  const { fd, size } = openRegularFile(path, source);
  closeSync(fd);
  return size;
}
