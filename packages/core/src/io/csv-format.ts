import { columnNames, getColumn, rowCount } from '../table/columns.js';
import type { TableLike } from '../table/types.js';

/** Options for writing delimited text. */
export interface DelimitedWriteOptions {
  /** Text written for a missing value (unquoted), as R `write.csv(na = )`. @default 'NA' */
  missing?: string;
}

/**
 * Formats a table as delimited text (RFC 4180): header line, LF line ends, numbers in shortest round-trip
 * form (`Inf` / `-Inf` for infinities), text always quoted (so "001" and "NA" read back as text), missing values
 * as `missing` unquoted.
 * @example formatDelimited({ id: ['a'], x: [1.5] }, ',') // '"id","x"\n"a",1.5\n'
 */
export function formatDelimited(
  table: TableLike,
  delimiter: string,
  options: DelimitedWriteOptions = {},
): string {
  const missing = options.missing ?? 'NA';
  const names = columnNames(table);
  const n = rowCount(table);
  const columns = names.map((name) => getColumn(table, name));
  const lines: string[] = [names.map(quote).join(delimiter)];
  const cells = new Array<string>(names.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) cells[j] = formatCell(columns[j][i], missing);
    lines.push(cells.join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}

function formatCell(value: unknown, missing: string): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return missing;
    if (value === Infinity) return 'Inf';
    if (value === -Infinity) return '-Inf';
    return String(value);
  }
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null || value === undefined) return missing;
  if (value instanceof Date) return quote(value.toISOString());
  return quote(String(value));
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
