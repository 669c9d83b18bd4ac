import { TaceError } from '../errors/tace-error.js';

/** One parsed delimited-text record: the field texts, which of them were quoted, and the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  quoted: boolean[];
  line: number;
}

/**
 * Splits delimited text into records following RFC 4180: fields may be quoted with `"`, a quote inside a
 * quoted field is doubled (`""`), quoted fields may hold delimiters and line breaks; records end with LF or
 * CRLF. A leading byte-order mark is skipped; a final line break does not make an empty record; blank lines
 * are skipped.
 * @param source - name used in error messages (usually the file path).
 * @throws {TaceError} `PARSE_ERROR` naming `source`, line and column for an unterminated quote, a stray quote
 * inside an unquoted field, or text after a closing quote.
 * @example parseDelimited('a,b\n1,"x,y"\n', ',').map((r) => r.fields) // [['a', 'b'], ['1', 'x,y']]
 */
export function parseDelimited(text: string, delimiter: string, source = 'text'): CsvRecord[] {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  const fail = (message: string, at: number, atLine = line, atLineStart = lineStart): never => {
    throw new TaceError('PARSE_ERROR', `${message} at line ${atLine}, column ${at - atLineStart + 1}`, {
      param: source,
      remedy: 'fix the file: quote fields holding delimiters, quotes or line breaks, and double inner quotes',
    });
  };
  while (i < n) {
    const record: CsvRecord = { fields: [], quoted: [], line };
    // skip blank lines
    if (text.charCodeAt(i) === LF || (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF)) {
      i += text.charCodeAt(i) === CR ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    for (;;) {
      // one field
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        const openLineStart = lineStart;
        const open = i;
        i++;
        let value = '';
        let chunk = i;
        for (;;) {
          if (i >= n) fail('unterminated quoted field', open, openLine, openLineStart);
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(chunk, i + 1);
              i += 2;
              chunk = i;
              continue;
            }
            value += text.slice(chunk, i);
            i++;
            break;
          }
          if (c === LF) {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== d && next !== LF && !(next === CR && text.charCodeAt(i + 1) === LF)) {
          fail('unexpected text after a closing quote', i);
        }
        record.fields.push(value);
        record.quoted.push(true);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
          if (c === QUOTE) fail('unexpected quote in an unquoted field', i);
          i++;
        }
        record.fields.push(text.slice(start, i));
        record.quoted.push(false);
      }
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    records.push(record);
    if (i < n) {
      i += text.charCodeAt(i) === CR ? 2 : 1;
      line++;
      lineStart = i;
    }
  }
  return records;
}
