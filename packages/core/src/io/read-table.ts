import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { gunzipSync } from 'fflate';
import { TaceError } from '../errors/tace-error.js';
import type { ColumnTable } from '../table/types.js';
import { fromArrowTable } from './arrow-convert.js';
import { assertArrowFraming } from './arrow-framing.js';
import { recordsToColumns, type TextColumnOptions } from './csv-columns.js';
import { parseDelimited } from './csv-parse.js';
import { parquetToArrow } from './parquet.js';
import { isGzipPath, type TableFormat, tableFormat } from './table-format.js';

/** Options of {@link readTable}. */
export interface ReadTableOptions extends TextColumnOptions {
  /** File format; inferred from the extension when absent. @default undefined */
  format?: TableFormat;
  /** Field delimiter for text formats. @default ',' for csv, '\t' for tsv */
  delimiter?: string;
}

/**
 * Reads a table from CSV, TSV (optionally gzip-compressed: .csv.gz, .tsv.gz), Arrow IPC (.arrow / .feather,
 * file or stream) or Parquet into a plain column
 * table: numeric columns as `Float64Array` (missing = NaN), text as `(string | null)[]` (missing = null). Text
 * formats follow RFC 4180 (see {@link parseDelimited}) with column types inferred as described in
 * {@link TextColumnOptions}. A column with no value at all reads as numeric NaN (R: logical NA).
 * @throws {TaceError} `IO_ERROR` when the file cannot be read; `PARSE_ERROR` naming file, line and column for
 * malformed or ragged text; `UNSUPPORTED` for an unknown extension.
 * @example const clinical = readTable('clinical.csv'); numericColumn(clinical, 'age');
 */
export function readTable(path: string, options: ReadTableOptions = {}): ColumnTable {
  const format = tableFormat(path, options.format);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot read ${path}: ${(error as Error).message}`, {
      param: path,
      remedy: 'check the path',
      cause: error,
    });
  }
  if (format === 'arrow') {
    assertArrowFraming(bytes, path);
    try {
      return fromArrowTable(tableFromIPC(bytes));
    } catch (error) {
      throw new TaceError('PARSE_ERROR', `not a readable Arrow IPC file: ${(error as Error).message}`, {
        param: path,
        cause: error,
      });
    }
  }
  if (format === 'parquet') return fromArrowTable(parquetToArrow(bytes, path));
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `delimiter must be one character other than a quote or line break, but was ${JSON.stringify(delimiter)}`,
      {
        param: 'delimiter',
      },
    );
  }
  let raw: Uint8Array = bytes;
  if (isGzipPath(path)) {
    try {
      raw = gunzipSync(bytes);
    } catch (error) {
      throw new TaceError('PARSE_ERROR', `not a valid gzip file: ${(error as Error).message}`, {
        param: path,
        cause: error,
      });
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  return recordsToColumns(parseDelimited(text, delimiter, path), path, options);
}
