import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Gunzip } from 'fflate';
import { isTaceError, TaceError } from '../errors/tace-error.js';

const CHUNK_BYTES = 1 << 20;
/** Compressed bytes per inflate step: at most ~1032 times this (deflate's limit) comes out of one step. */
const GZIP_STEP_BYTES = 1 << 14;
const MiB = 1 << 20;
const GiB = 1 << 30;

/** Limits of {@link readByteChunks}. */
export interface ByteChunkOptions {
  /** Inflate the file as gzip. */
  gzip: boolean;
  /** Most bytes (decompressed, for gzip) to read; see {@link defaultMaxBytes}. */
  maxBytes?: number;
}

/**
 * The default limit on the text read from a file: for gzip, 100 times the compressed size, at least 64 MiB and
 * at most 4 GiB (a gzip bomb stops there); for a plain regular file, no limit (its size is known); for a pipe
 * or device, 4 GiB.
 */
export function defaultMaxBytes(gzip: boolean, size: number, regular: boolean): number {
  if (gzip) return Math.min(4 * GiB, Math.max(64 * MiB, 100 * size));
  return regular ? Number.POSITIVE_INFINITY : 4 * GiB;
}

function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${+(bytes / GiB).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(2)} MiB`;
  return `${bytes} bytes`;
}

/**
 * Reads a file in chunks (1 MiB, or inflated gzip output), handing each to `onChunk` (the bytes are only valid
 * during the call), until the end or until `onChunk` returns false. Memory is one chunk, whatever the file size.
 * @throws {TaceError} `IO_ERROR` when the file cannot be read; `PARSE_ERROR` for invalid gzip data, or when
 * more than `maxBytes` bytes come out (stating the limit and how to raise it).
 */
export function readByteChunks(
  path: string,
  options: ByteChunkOptions,
  onChunk: (bytes: Uint8Array, final: boolean) => boolean,
): void {
  if (
    options.maxBytes !== undefined &&
    !(typeof options.maxBytes === 'number' && options.maxBytes > 0 && !Number.isNaN(options.maxBytes))
  ) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `maxBytes must be a positive number, but was ${String(options.maxBytes)}`,
      {
        param: 'maxBytes',
        remedy: 'pass a byte count such as 8 * 2 ** 30, or Infinity for no limit',
      },
    );
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, {
      param: path,
      remedy: 'check the path',
      cause: error,
    });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new TaceError('IO_ERROR', `cannot read ${path}: it is a directory`, {
        param: path,
        remedy: 'check the path',
      });
    }
    const limit = options.maxBytes ?? defaultMaxBytes(options.gzip, stat.size, stat.isFile());
    let total = 0;
    const count = (bytes: number) => {
      total += bytes;
      if (total > limit) {
        const rule =
          options.maxBytes !== undefined
            ? 'the maxBytes option'
            : `the default for a ${formatBytes(stat.size)} gzip file: 100 x its size, at least 64 MiB, at most 4 GiB`;
        throw new TaceError(
          'PARSE_ERROR',
          `${path} ${options.gzip ? 'decompresses' : 'reads'} to more than ${formatBytes(limit)} (${rule}); reading stopped there${options.gzip ? ' (a gzip bomb?)' : ''}`,
          {
            param: path,
            remedy: `if the file is genuine, pass { maxBytes: ${Math.min(2 ** 53, Math.ceil(limit * 4))} } (or larger) to readTable`,
          },
        );
      }
    };
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = () => {
      try {
        return readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw new TaceError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, {
          param: path,
          cause: error,
        });
      }
    };
    if (!options.gzip) {
      for (;;) {
        const n = read();
        count(n);
        if (!onChunk(buffer.subarray(0, n), n === 0) || n === 0) return;
      }
    }
    readGzip(path, read, buffer, (bytes, final) => {
      count(bytes.length);
      return onChunk(bytes, final);
    });
  } finally {
    closeSync(fd);
  }
}

/** Inflates gzip data read by `read` into `buffer`, in steps of {@link GZIP_STEP_BYTES}. */
function readGzip(
  path: string,
  read: () => number,
  buffer: Buffer,
  onChunk: (bytes: Uint8Array, final: boolean) => boolean,
): void {
  let stopped = false;
  let ended = false;
  const gunzip = new Gunzip((data, final) => {
    if (stopped) return;
    if (final) ended = true;
    if (!onChunk(data, final)) stopped = true;
  });
  try {
    for (;;) {
      const n = read();
      if (n === 0) {
        gunzip.push(new Uint8Array(0), true);
        if (!ended && !stopped) onChunk(new Uint8Array(0), true);
        return;
      }
      for (let at = 0; at < n && !stopped; at += GZIP_STEP_BYTES) {
        // a copy: fflate may keep the pushed array, and `buffer` is reused
        gunzip.push(new Uint8Array(buffer.subarray(at, Math.min(n, at + GZIP_STEP_BYTES))));
      }
      if (stopped) return;
    }
  } catch (error) {
    if (isTaceError(error)) throw error;
    throw new TaceError('PARSE_ERROR', `not a valid gzip file: ${(error as Error).message}`, {
      param: path,
      cause: error,
    });
  }
}
