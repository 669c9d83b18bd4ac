import { TaceError } from '../errors/tace-error.js';
import { MISSING_STRINGS } from '../table/missing.js';
import { orderedTable } from '../table/ordered-table.js';
import type { Column, ColumnTable } from '../table/types.js';
import type { CsvRecord, RecordHandler } from './csv-parse.js';
import { NumberColumn, parseNumber } from './number-column.js';

/** Type of a column read from delimited text. */
export type TextColumnType = 'number' | 'string';

/** Options for turning delimited records into columns. */
export interface TextColumnOptions {
  /**
   * Force the type of some columns; the others are inferred: a column is numeric when every non-missing cell is
   * an unquoted number (`1`, `-2.5e3`, `Inf`, `-Inf`), otherwise text. Mirrors R `read.csv(colClasses = )`.
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

/** A column being built: numbers until a cell is not one, then text. */
interface ColumnState {
  name: string;
  forced: TextColumnType | undefined;
  numbers: NumberColumn | null;
  /** Non-missing numbers so far (while numeric). */
  present: number;
  strings: (string | null)[] | null;
  /** The text of the cells read as numbers, kept only when the input cannot be read twice (a pipe). */
  raw: string[] | null;
  /** Rows read as numbers before the column turned to text: their text is read again ({@link ColumnBuilder.refill}). */
  reread: number;
}

/** A copy of `text` that does not keep alive the chunk of the file it was sliced from. */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * Builds typed columns from records as they are parsed (the first record is the header): numeric columns go
 * straight into `Float64Array` blocks (missing = NaN), text columns into `(string | null)[]` (missing = null).
 * A column is numeric while every non-missing cell is an unquoted number; when a later cell is not, the column
 * becomes text, and the text of its earlier cells is taken from a second pass over the records
 * ({@link ColumnBuilder.refill}), so that `007` or `1.50` keep their spelling as in R's `read.csv`.
 */
export class ColumnBuilder {
  private names: string[] | null = null;
  private columns: ColumnState[] = [];
  private rows = 0;
  private readonly missing: ReadonlySet<string>;
  private readonly longestMissing: number;

  /**
   * @param rereadable - false when the records cannot be produced a second time (a pipe): then the text of
   * numeric cells is kept beside their numbers (twice the memory) instead of being read again.
   */
  constructor(
    private readonly source: string,
    private readonly options: TextColumnOptions = {},
    private readonly rereadable = true,
  ) {
    this.missing = options.missingStrings ?? MISSING_STRINGS;
    this.longestMissing = Math.max(0, ...[...this.missing].map((s) => s.length));
  }

  /** The record handler of the first pass. */
  readonly onRecord: RecordHandler = (fields, quoted, count, line) => {
    if (this.names === null) this.header(fields, count, line);
    else this.row(fields, quoted, count, line);
  };

  /** True when some text columns need the text of rows first read as numbers: call {@link refill}. */
  needsRefill(): boolean {
    return this.columns.some((c) => c.reread > 0);
  }

  /**
   * The record handler of a second pass over the same records, filling in the text of rows read as numbers
   * before their column turned to text; `done()` tells when the rest of the records can be skipped.
   */
  refill(): { onRecord: RecordHandler; done: () => boolean } {
    const targets = this.columns.map((c, j) => ({ j, c })).filter(({ c }) => c.reread > 0);
    const last = Math.max(...targets.map(({ c }) => c.reread));
    let row = -1;
    return {
      onRecord: (fields, quoted, count) => {
        if (row >= 0 && row < last && count === this.columns.length) {
          for (const { j, c } of targets) {
            if (row < c.reread) c.strings![row] = this.text(fields[j], quoted[j]);
          }
        }
        row++;
      },
      done: () => row >= last,
    };
  }

  /**
   * The table, columns in file order.
   * @throws {TaceError} `PARSE_ERROR` when there was no header line.
   */
  finish(): ColumnTable {
    if (this.names === null) throw new TaceError('PARSE_ERROR', 'no header line', { param: this.source });
    const columns: Column[] = [];
    for (const c of this.columns) {
      columns.push(c.numbers !== null ? c.numbers.take() : c.strings!);
      c.numbers = null;
      c.raw = null;
    }
    return orderedTable(this.names, columns);
  }

  private header(fields: string[], count: number, line: number): void {
    const names = fields
      .slice(0, count)
      .map((name, j) => (name.trim() === '' ? `V${j + 1}` : detached(name)));
    const seen = new Map<string, number>();
    for (let j = 0; j < names.length; j++) {
      const earlier = seen.get(names[j]);
      if (earlier !== undefined) {
        throw new TaceError(
          'PARSE_ERROR',
          `duplicate column name '${names[j]}' in the header at line ${line} (columns ${earlier + 1} and ${j + 1})`,
          {
            param: this.source,
            remedy:
              'give every column a distinct name (R read.csv would rename the second with make.unique, e.g. x.1)',
          },
        );
      }
      seen.set(names[j], j);
    }
    this.names = names;
    this.columns = names.map((name) => {
      const types = this.options.columnTypes;
      const forced = types !== undefined && Object.hasOwn(types, name) ? types[name] : undefined;
      return {
        name,
        forced,
        numbers: forced === 'string' ? null : new NumberColumn(),
        present: 0,
        strings: forced === 'string' ? [] : null,
        raw: forced === 'string' || this.rereadable ? null : [],
        reread: 0,
      };
    });
  }

  private row(fields: string[], quoted: boolean[], count: number, line: number): void {
    const width = this.columns.length;
    if (count !== width) {
      const column = Math.min(count, width) + 1;
      throw new TaceError(
        'PARSE_ERROR',
        `line ${line} has ${count} fields but the header has ${width} (first bad field: column ${column})`,
        {
          param: this.source,
          remedy: 'make every row have one field per header column (quote fields holding the delimiter)',
        },
      );
    }
    for (let j = 0; j < width; j++) {
      const c = this.columns[j];
      const text = fields[j];
      if (c.numbers !== null) {
        const isQuoted = quoted[j];
        const trimmed = isQuoted ? text : text.trim();
        if (!isQuoted && trimmed.length <= this.longestMissing && this.missing.has(trimmed)) {
          c.numbers.push(Number.NaN);
          c.raw?.push(text);
          continue;
        }
        const value = isQuoted || trimmed === '' ? Number.NaN : parseNumber(trimmed);
        if (!Number.isNaN(value)) {
          c.numbers.push(value);
          c.raw?.push(detached(text));
          c.present++;
          continue;
        }
        if (c.forced === 'number') {
          throw new TaceError(
            'PARSE_ERROR',
            `line ${line}, column ${j + 1} ('${c.name}') holds ${JSON.stringify(text)}, which is not a number`,
            { param: this.source },
          );
        }
        this.toText(c);
      }
      c.strings!.push(this.text(text, quoted[j]));
    }
    this.rows++;
  }

  /** Turns a numeric column to text; its rows so far are missing (null) or re-read later. */
  private toText(c: ColumnState): void {
    if (c.raw !== null) {
      c.strings = c.raw.map((text) => this.text(text, false));
      c.raw = null;
    } else {
      c.strings = new Array<string | null>(this.rows).fill(null);
      c.reread = c.present > 0 ? this.rows : 0;
    }
    c.numbers = null;
  }

  private text(text: string, quoted: boolean): string | null {
    return !quoted && this.missing.has(text.trim()) ? null : detached(text);
  }
}

/**
 * Columns from parsed records, the first being the header, in file order: numeric columns as `Float64Array`
 * (missing = NaN), text columns as `(string | null)[]` (missing = null). See {@link ColumnBuilder}.
 * @throws {TaceError} `PARSE_ERROR` naming the source, line and column for a row whose field count differs from
 * the header, a duplicate column name (naming both positions), or a non-number in a column forced to
 * `'number'`.
 */
export function recordsToColumns(
  records: CsvRecord[],
  source: string,
  options: TextColumnOptions = {},
): ColumnTable {
  const builder = new ColumnBuilder(source, options);
  for (const r of records) builder.onRecord(r.fields, r.quoted, r.fields.length, r.line);
  if (builder.needsRefill()) {
    const { onRecord } = builder.refill();
    for (const r of records) onRecord(r.fields, r.quoted, r.fields.length, r.line);
  }
  return builder.finish();
}
