import { assertOneOf } from '../errors/assert.js';
import { TaceError } from '../errors/tace-error.js';

/** File formats of {@link readTable} / {@link writeTable}. */
export type TableFormat = 'csv' | 'tsv' | 'arrow' | 'parquet';

const EXTENSIONS: Record<string, TableFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'tsv',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** True for a gzip-compressed text table (`.csv.gz`, `.tsv.gz`, ...). */
export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

/**
 * The format given, or the one implied by the file extension (.csv; .tsv/.tab/.txt; .arrow/.feather/.ipc;
 * .parquet/.pq), looking through a final `.gz`.
 * @throws {TaceError} `UNSUPPORTED` for an unknown extension without an explicit format, or gzip around a
 * binary format.
 */
export function tableFormat(path: string, format: TableFormat | undefined): TableFormat {
  if (isGzipPath(path)) {
    const inner = tableFormat(path.replace(/\.gz$/i, ''), format);
    if (inner !== 'csv' && inner !== 'tsv') {
      throw new TaceError('UNSUPPORTED', `gzip compression is supported for CSV and TSV only, not ${inner}`, {
        param: path,
        remedy: 'Arrow and Parquet files carry their own compression: drop the .gz',
      });
    }
    return inner;
  }
  if (format !== undefined) {
    assertOneOf(format, 'format', ['csv', 'tsv', 'arrow', 'parquet']);
    return format;
  }
  const match = /\.[^./\\]+$/.exec(path.toLowerCase());
  const found = match === null ? undefined : EXTENSIONS[match[0]];
  if (found === undefined) {
    throw new TaceError('UNSUPPORTED', `cannot tell the table format of ${path} from its extension`, {
      param: path,
      remedy: `use one of ${Object.keys(EXTENSIONS).join(', ')} or pass options.format`,
    });
  }
  return found;
}
