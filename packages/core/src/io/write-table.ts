import { tableToIPC } from 'apache-arrow';
import { gzipSync } from 'fflate';
import type { TableLike } from '../table/types.js';
import { toArrowTable } from './arrow-convert.js';
import { writeFileAtomic } from './atomic-write.js';
import { type DelimitedWriteOptions, formatDelimited } from './csv-format.js';
import { arrowToParquet } from './parquet.js';
import { isGzipPath, type TableFormat, tableFormat } from './table-format.js';

/** Options of {@link writeTable}. */
export interface WriteTableOptions extends DelimitedWriteOptions {
  /** File format; inferred from the extension when absent. @default undefined */
  format?: TableFormat;
}

/**
 * Writes a table (Arrow, plain columns or DataFrame-like) to CSV, TSV (gzip-compressed when the path ends in
 * .gz), Arrow IPC file format (.arrow /
 * .feather, i.e. Feather v2) or Parquet (Snappy). The write is atomic: a temporary file in the same folder is
 * renamed over `path`. Text output quotes all text cells so it reads back with the same types.
 * @throws {TaceError} `IO_ERROR` naming the path; `UNSUPPORTED` for an unknown extension; `LENGTH_MISMATCH`
 * for columns of unequal length.
 * @example writeTable({ id: ['p1', 'p2'], risk: new Float64Array([0.2, 1.4]) }, 'risk.parquet');
 */
export function writeTable(table: TableLike, path: string, options: WriteTableOptions = {}): void {
  const format = tableFormat(path, options.format);
  if (format === 'csv' || format === 'tsv') {
    const text = formatDelimited(table, format === 'csv' ? ',' : '\t', options);
    writeFileAtomic(path, isGzipPath(path) ? gzipSync(new TextEncoder().encode(text), { mtime: 0 }) : text);
  } else if (format === 'arrow') {
    writeFileAtomic(path, tableToIPC(toArrowTable(table), 'file'));
  } else {
    writeFileAtomic(path, arrowToParquet(toArrowTable(table)));
  }
}
