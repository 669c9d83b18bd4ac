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

/**
 * The format given, or the one implied by the file extension (.csv; .tsv/.tab/.txt; .arrow/.feather/.ipc;
 * .parquet/.pq).
 * @throws {TaceError} `UNSUPPORTED` for an unknown extension without an explicit format.
 */
export function tableFormat(path: string, format: TableFormat | undefined): TableFormat {
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
