import { TaceError } from '@tace/core';

/**
 * Splits delimited text (CSV/TSV) into rows of fields: RFC 4180 quoting (`"a,b"`, `""` for a quote),
 * `\n` or `\r\n` line ends, blank lines skipped. A private helper until core's `readTable` handles text
 * tables; kept small and allocation-light (one string per field).
 * @throws {TaceError} `PARSE_ERROR` for an unterminated quote.
 */
export function parseDelimited(text: string, delimiter: string, source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let line = 1;
  let quoted = false;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      // fast path: copy up to the next special character
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        if (d === delimiter || d === '\n' || d === '\r' || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (quoted) {
    throw new TaceError('PARSE_ERROR', `${source}: unterminated quoted field (line ${line})`, {
      param: source,
    });
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
