import { parseDelimited, TaceError } from '@tace/core';

/**
 * Fields of every record of delimited text, via core `parseDelimited` (RFC 4180 quoting, LF/CRLF, blank
 * lines and a byte-order mark skipped; `PARSE_ERROR` naming source, line and column).
 */
export function parseRows(text: string, delimiter: string, source: string): string[][] {
  return parseDelimited(text, delimiter, source).map((record) => record.fields);
}

/** Delimiter from a file name: tab for .tsv/.txt/.tab (optionally .gz), comma otherwise. */
export function delimiterFor(path: string): string {
  return /\.(tsv|txt|tab)(\.gz)?$/i.test(path) ? '\t' : ',';
}

/** Parses a numeric field: blanks and NA/NaN/null become NaN; anything else non-numeric is an error. */
export function parseNumber(field: string, where: () => string): number {
  const t = field.trim();
  if (t === '' || t === 'NA' || t === 'NaN' || t === 'nan' || t === 'null' || t === 'NULL') return Number.NaN;
  const v = Number(t);
  if (Number.isNaN(v)) {
    throw new TaceError('PARSE_ERROR', `${where()}: ${JSON.stringify(field)} is not a number`, {
      param: where(),
      remedy: 'check the orientation (genes in rows or columns) and that identifier columns are excluded',
    });
  }
  return v;
}
