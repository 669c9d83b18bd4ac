import { importOptional, TaceError } from '@tace/core';
import type { Dataset, File, Group } from 'h5wasm';

type H5wasmNode = typeof import('h5wasm');

let loading: Promise<H5wasmNode> | undefined;

/**
 * Loads h5wasm's Node build once (an optional peer dependency: 14 MB of WebAssembly that only `.h5ad` I/O
 * needs) and switches on its throwing error handler: without it a failed read (for instance a missing
 * compression filter) only prints a diagnostic and returns wrong numbers.
 * @throws {TaceError} `MISSING_DEPENDENCY` naming h5wasm when it is not installed.
 */
export function loadH5wasm(): Promise<H5wasmNode> {
  loading ??= (async () => {
    const h5 = await importOptional(
      async () => (await import('h5wasm/node')) as unknown as H5wasmNode,
      'h5wasm',
      'reading and writing .h5ad files',
    );
    const module = await h5.ready;
    module.activate_throwing_error_handler();
    return h5;
  })();
  return loading;
}

/** HDF5 filters h5wasm decodes without plugins: deflate, shuffle, fletcher32, nbit, scale-offset. */
const SUPPORTED_FILTERS = new Map<number, string>([
  [1, 'deflate'],
  [2, 'shuffle'],
  [3, 'fletcher32'],
  [5, 'nbit'],
  [6, 'scaleoffset'],
]);

/** Well-known registered filter ids, to name them in error messages. */
const KNOWN_FILTERS = new Map<number, string>([
  [4, 'szip'],
  [307, 'bzip2'],
  [32000, 'lzf'],
  [32001, 'blosc'],
  [32004, 'lz4'],
  [32008, 'bitshuffle'],
  [32015, 'zstd'],
]);

/**
 * Throws a `TaceError` naming the filter when `dataset` uses a compression filter h5wasm cannot decode.
 * @throws {TaceError} `UNSUPPORTED`.
 */
export function assertReadableFilters(dataset: Dataset, file: string): void {
  for (const filter of dataset.filters) {
    if (SUPPORTED_FILTERS.has(filter.id)) continue;
    const name = filter.name || KNOWN_FILTERS.get(filter.id) || 'unknown';
    throw new TaceError(
      'UNSUPPORTED',
      `dataset ${dataset.path} uses the HDF5 compression filter '${KNOWN_FILTERS.get(filter.id) ?? name}' (id ${filter.id}), which this reader cannot decode`,
      {
        param: file,
        remedy:
          'rewrite the file with gzip compression, e.g. adata.write_h5ad(path, compression="gzip") in Python',
      },
    );
  }
}

/** Opens an HDF5 file read-only, as a `TaceError` `IO_ERROR` when it cannot be opened. */
export async function openH5(path: string): Promise<File> {
  const h5 = await loadH5wasm();
  try {
    return new h5.File(path, 'r');
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot open HDF5 file ${path}`, {
      param: path,
      cause,
      remedy: 'check that the path exists and is an .h5ad (HDF5) file',
    });
  }
}

/**
 * Converts what a read of a corrupted HDF5 file throws (h5wasm's `HDF5-DIAG` errors, `RangeError`s from
 * impossible shapes) into a `TaceError` `PARSE_ERROR` naming the file; a `TaceError` passes through.
 */
export function asH5ReadError(error: unknown, path: string): TaceError {
  if (error instanceof TaceError) return error;
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new TaceError('PARSE_ERROR', `${path}: corrupt or unreadable HDF5 content (${first})`, {
    param: path,
    cause: error,
    remedy: 'the file is truncated or damaged; copy or export it again',
  });
}

/** Closes an h5wasm file, ignoring errors (a corrupted file may fail to close after a failed read). */
export function closeQuietly(file: File): void {
  try {
    file.close();
  } catch {
    // the read error, already thrown, is the one that matters
  }
}

/** `true` when `entity` is an h5wasm Dataset. */
export function isDataset(entity: unknown): entity is Dataset {
  return entity !== null && typeof entity === 'object' && 'shape' in entity && 'filters' in entity;
}

/** `true` when `entity` is an h5wasm Group (File included). */
export function isGroup(entity: unknown): entity is Group {
  return entity !== null && typeof entity === 'object' && 'keys' in entity && !isDataset(entity);
}

/** Reads a string attribute, or `undefined` when absent. */
export function stringAttr(node: Dataset | Group, name: string): string | undefined {
  const attrs = node.attrs;
  if (!(name in attrs)) return undefined;
  const value = attrs[name].value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** Reads an attribute as a JS value (strings, numbers, arrays), or `undefined` when absent. */
export function attrValue(node: Dataset | Group, name: string): unknown {
  const attrs = node.attrs;
  return name in attrs ? attrs[name].value : undefined;
}
