import { createRequire } from 'node:module';
import { type Table as ArrowTable, tableFromIPC, tableToIPC } from 'apache-arrow';
import type * as ParquetWasm from 'parquet-wasm';
import { requireOptional } from '../errors/optional-dependency.js';
import { TaceError } from '../errors/tace-error.js';

// parquet-wasm (an optional peer dependency: 5 MB of WebAssembly that only Parquet I/O needs) has a CommonJS Node
// build that loads its WebAssembly synchronously from the package folder: no network, no async initialisation.
let parquet: typeof ParquetWasm | undefined;
function parquetWasm(): typeof ParquetWasm {
  parquet ??= requireOptional<typeof ParquetWasm>(
    () => createRequire(import.meta.url)('parquet-wasm'),
    'parquet-wasm',
    'reading and writing Parquet files',
  );
  return parquet;
}

/**
 * Decodes Parquet bytes to an Arrow table (via parquet-wasm and Arrow IPC).
 * @throws {TaceError} `PARSE_ERROR` naming `source` when the bytes are not valid Parquet.
 */
export function parquetToArrow(bytes: Uint8Array, source = 'parquet'): ArrowTable {
  const pq = parquetWasm();
  try {
    const wasmTable = pq.readParquet(bytes);
    return tableFromIPC(wasmTable.intoIPCStream());
  } catch (error) {
    throw new TaceError('PARSE_ERROR', `not a readable Parquet file: ${String(error)}`, {
      param: source,
      cause: error,
    });
  }
}

/** Encodes an Arrow table as Parquet bytes (Snappy-compressed columns, as pandas/pyarrow by default). */
export function arrowToParquet(table: ArrowTable): Uint8Array {
  const pq = parquetWasm();
  const wasmTable = pq.Table.fromIPCStream(tableToIPC(table, 'stream'));
  const properties = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).build();
  return pq.writeParquet(wasmTable, properties);
}
