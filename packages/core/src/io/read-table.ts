import { readFileSync, statSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { TaceError } from '../errors/tace-error.js';
import type { ColumnTable } from '../table/types.js';
import { fromArrowTable } from './arrow-convert.js';
import { assertArrowFraming } from './arrow-framing.js';
import { readByteChunks } from './byte-chunks.js';
import { ColumnBuilder, type TextColumnOptions } from './csv-columns.js';
import { countLineBreaks, DelimitedParser, type RecordHandler } from './csv-parse.js';
import { parquetToArrow } from './parquet.js';
import { isGzipPath, type TableFormat, tableFormat } from './table-format.js';
import { TextDecoding, type TextEncoding } from './text-decoding.js';

/** Options of {@link readTable}. */
export interface ReadTableOptions extends TextColumnOptions {
  /** File format; inferred from the extension when absent. @default undefined */
  format?: TableFormat;
  /** Field delimiter for text formats. Mirrors R `read.csv(sep = )`. @default ',' for csv, '\t' for tsv */
  delimiter?: string;
  /**
   * Character encoding of a text table. Mirrors R `read.csv(fileEncoding = )`. Invalid UTF-8 is an error
   * naming the line and byte offset (never silent U+FFFD); a UTF-8 byte-order mark is dropped; a UTF-16
   * byte-order mark selects UTF-16 (under `'utf-8'` too); UTF-16 without one must be named here. `'latin1'`
   * is ISO-8859-1.
   * @default 'utf-8'
   */
  encoding?: TextEncoding;
  /**
   * Most bytes of text to read (after decompression, for `.gz`): past it reading stops with a `PARSE_ERROR`
   * stating the limit, so a gzip bomb cannot exhaust memory. No R counterpart.
   * @default for `.gz`: 100 x the compressed size, at least 64 MiB, at most 4 GiB; plain files: no limit
   */
  maxBytes?: number;
}

/**
 * Reads a table from CSV, TSV (optionally gzip-compressed: .csv.gz, .tsv.gz), Arrow IPC (.arrow / .feather,
 * file or stream) or Parquet into a plain column table, columns in file order (integer-like names and
 * `__proto__` included; see `orderedTable`): numeric columns as `Float64Array` (missing = NaN), text as
 * `(string | null)[]` (missing = null).
 *
 * Text formats are streamed (1 MiB at a time, gzip inflated in steps) into typed columns, so memory is the
 * parsed columns plus one chunk: a CSV of numbers needs about 8 bytes per cell, not the file as a string. They
 * follow RFC 4180 (see {@link parseDelimited}; LF, CRLF and CR line ends) with column types inferred as R's
 * `read.csv` does (see {@link TextColumnOptions}). A column with no value at all reads as numeric NaN (R:
 * logical NA). A column that turns out to be text after numeric-looking rows is completed by a second pass
 * over the file, so every cell keeps its spelling (from a pipe, which cannot be read twice, the text of numeric
 * cells is kept while reading instead).
 * @throws {TaceError} `IO_ERROR` when the file cannot be read; `PARSE_ERROR` naming file, line and column for
 * malformed or ragged text, naming line and byte offset for invalid UTF-8 (with the remedy "re-save as UTF-8
 * or pass { encoding: 'latin1' }"), for UTF-16 without a byte-order mark, for a duplicate column name (both
 * positions), and for text beyond `maxBytes`; `UNSUPPORTED` for an unknown extension.
 * @example const clinical = readTable('clinical.csv'); numericColumn(clinical, 'age');
 * @example readTable('export.csv', { encoding: 'latin1' }) // R: read.csv('export.csv', fileEncoding = 'latin1')
 */
export function readTable(path: string, options: ReadTableOptions = {}): ColumnTable {
  const format = tableFormat(path, options.format);
  if (format === 'arrow' || format === 'parquet') return readBinaryTable(path, format);
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
  const builder = new ColumnBuilder(path, options, isRegularFile(path));
  streamRecords(path, delimiter, options, builder.onRecord, () => false);
  if (builder.needsRefill()) {
    const refill = builder.refill();
    streamRecords(path, delimiter, options, refill.onRecord, refill.done);
  }
  return builder.finish();
}

/** Streams the records of a delimited text file to `onRecord` until the end or until `done()`. */
function streamRecords(
  path: string,
  delimiter: string,
  options: ReadTableOptions,
  onRecord: RecordHandler,
  done: () => boolean,
): void {
  const parser = new DelimitedParser(delimiter, path, onRecord);
  const decoding = new TextDecoding(path, options.encoding ?? 'utf-8', (before) => {
    return parser.endLine() + countLineBreaks(before);
  });
  readByteChunks(path, { gzip: isGzipPath(path), maxBytes: options.maxBytes }, (bytes, final) => {
    parser.push(decoding.push(bytes, final), final);
    return !done();
  });
}

/** True for a regular file (readable twice); false for a pipe, a device or a missing path. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readBinaryTable(path: string, format: 'arrow' | 'parquet'): ColumnTable {
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
  if (format === 'parquet') return fromArrowTable(parquetToArrow(bytes, path));
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
