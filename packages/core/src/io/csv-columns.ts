import { TaceError } from '../errors/tace-error.js';
import { MISSING_STRINGS } from '../table/missing.js';
import type { ColumnTable } from '../table/types.js';
import type { CsvRecord } from './csv-parse.js';

/** Type of a column read from delimited text. */
export type TextColumnType = 'number' | 'string';

/** Options for turning delimited records into columns. */
export interface TextColumnOptions {
  /**
   * Force the type of some columns; the others are inferred: a column is numeric when every non-missing cell is
   * an unquoted number (`1`, `-2.5e3`, `Inf`, `-Inf`), otherwise text.
   * @default {}
   */
  columnTypes?: Record<string, TextColumnType>;
  /**
   * Unquoted cells read as missing (after trimming white space); quoted cells are never missing.
   * Mirrors R `read.csv(na.strings = )`.
   * @default MISSING_STRINGS ('', 'NA', 'NaN', 'nan', 'null', 'NULL', 'N/A')
   */
  missingStrings?: ReadonlySet<string>;
}

/**
 * Columns from parsed records, the first being the header: numeric columns as `Float64Array` (missing = NaN),
 * text columns as `(string | null)[]` (missing = null).
 * @throws {TaceError} `PARSE_ERROR` naming the source, line and column for a row whose field count differs from
 * the header, a duplicate column name, or a non-number in a column forced to `'number'`.
 */
export function recordsToColumns(
  records: CsvRecord[],
  source: string,
  options: TextColumnOptions = {},
): ColumnTable {
  if (records.length === 0) throw new TaceError('PARSE_ERROR', 'no header line', { param: source });
  const missing = options.missingStrings ?? MISSING_STRINGS;
  const header = records[0].fields.map((name, j) => (name.trim() === '' ? `V${j + 1}` : name));
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new TaceError(
        'PARSE_ERROR',
        `duplicate column name '${name}' in the header at line ${records[0].line}`,
        {
          param: source,
          remedy: 'give every column a distinct name',
        },
      );
    }
    seen.add(name);
  }
  const width = header.length;
  const rows = records.length - 1;
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (record.fields.length !== width) {
      const column = Math.min(record.fields.length, width) + 1;
      throw new TaceError(
        'PARSE_ERROR',
        `line ${record.line} has ${record.fields.length} fields but the header has ${width} (first bad field: column ${column})`,
        {
          param: source,
          remedy: 'make every row have one field per header column (quote fields holding the delimiter)',
        },
      );
    }
  }
  const out: ColumnTable = {};
  for (let j = 0; j < width; j++) {
    const name = header[j];
    const forced = options.columnTypes?.[name];
    const numbers = new Float64Array(rows);
    let numeric = forced !== 'string';
    for (let r = 0; r < rows && numeric; r++) {
      const record = records[r + 1];
      const text = record.fields[j];
      if (!record.quoted[j] && missing.has(text.trim())) {
        numbers[r] = Number.NaN;
        continue;
      }
      const value = record.quoted[j] ? Number.NaN : parseNumber(text);
      if (Number.isNaN(value)) {
        if (forced === 'number') {
          throw new TaceError(
            'PARSE_ERROR',
            `line ${record.line}, column ${j + 1} ('${name}') holds ${JSON.stringify(text)}, which is not a number`,
            { param: source },
          );
        }
        numeric = false;
      } else numbers[r] = value;
    }
    if (numeric) {
      out[name] = numbers;
      continue;
    }
    const strings = new Array<string | null>(rows);
    for (let r = 0; r < rows; r++) {
      const record = records[r + 1];
      const text = record.fields[j];
      strings[r] = !record.quoted[j] && missing.has(text.trim()) ? null : text;
    }
    out[name] = strings;
  }
  return out;
}

/** A number from unquoted text (`Inf`, `-Inf`, `+Inf` accepted), or NaN. */
function parseNumber(text: string): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  if (t === 'Inf' || t === '+Inf') return Infinity;
  if (t === '-Inf') return -Infinity;
  // Number() accepts hex and binary literals and 'Infinity'; delimited data uses decimal only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}
