import { TaceError } from '../errors/tace-error.js';

/** One record of delimited text: its fields, whether each was quoted, and its (1-based) first line. */
export interface CsvRecord {
  fields: string[];
  quoted: boolean[];
  line: number;
}

/**
 * Receives each record of a {@link DelimitedParser}: the first `count` entries of `fields` and `quoted` (arrays
 * reused from record to record: copy what you keep) and the line the record starts on.
 */
export type RecordHandler = (fields: string[], quoted: boolean[], count: number, line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record carried over longer than this is only parsed once its end has arrived. */
const LONG_RECORD = 1 << 20;
/** Fields after which a record is only parsed on if its end has arrived. */
const WIDE_RECORD = 1 << 16;
/** Longest record accepted, in characters (V8 strings stop at 2^29 - 24). */
const MAX_RECORD = 1 << 28;

/** Number of line breaks (LF, CRLF or CR each count one) in `text`. */
export function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * Looks for a line break outside quotes in `text`, starting inside quotes when `quoted`: null when there is
 * one (the carried record ends in `text`), else whether `text` ends inside quotes.
 */
function openRecordState(text: string, quoted: boolean, from = 0): boolean | null {
  let inside = quoted;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inside = !inside;
    else if (!inside && (c === LF || c === CR)) return null;
  }
  return inside;
}

/**
 * An incremental RFC 4180 parser: text is pushed in pieces of any size (a record may span pieces) and each
 * complete record goes to the handler, so a file is parsed with memory for one piece and one record.
 * Fields may be quoted with `"`, a quote inside a quoted field is doubled (`""`), quoted fields may hold
 * delimiters and line breaks; records end with LF, CRLF or CR (mixed in one file, as R's `read.csv` accepts).
 * A leading byte-order mark is skipped; a final line break does not make an empty record; blank lines are
 * skipped.
 */
export class DelimitedParser {
  private carry = '';
  private readonly pending: string[] = [];
  private pendingLength = 0;
  private need = 0;
  private line = 1;
  private first = true;
  /** Whether the text of a long carried record without its end so far ends inside quotes (null: no such record). */
  private open: boolean | null = null;
  private readonly fields: string[] = [];
  private readonly quoted: boolean[] = [];
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly source: string,
    private readonly onRecord: RecordHandler,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Parses `text` after what was pushed before; `final` marks the end of the input.
   * @throws {TaceError} `PARSE_ERROR` (see {@link parseDelimited}), or what the handler throws.
   */
  push(text: string, final = false): void {
    if (text.length > 0) {
      this.pending.push(text);
      this.pendingLength += text.length;
    }
    if (this.carry.length > 0 && this.carry.length + this.pendingLength > MAX_RECORD) {
      throw new TaceError(
        'PARSE_ERROR',
        `the record starting at line ${this.line} is longer than ${MAX_RECORD} characters (no line break outside quotes: an unterminated quote, or not a table)`,
        { param: this.source, remedy: 'check the quotes on that line, and that the file is a CSV/TSV table' },
      );
    }
    if (this.open !== null && !final) {
      // a very long record had no end so far: look for it in the new text only, building no fields yet
      const open = openRecordState(text, this.open);
      if (open !== null) {
        this.open = open;
        return;
      }
      this.open = null;
    } else if (final) {
      this.open = null;
    } else if (this.pendingLength < this.need) {
      // a record longer than one piece is parsed again only once as much new text has come: linear overall
      return;
    }
    let buffer = this.carry.length === 0 && this.pending.length === 1 ? this.pending[0] : '';
    if (buffer === '' && (this.carry.length > 0 || this.pending.length > 0)) {
      buffer = [this.carry, ...this.pending].join('');
    }
    this.pending.length = 0;
    this.pendingLength = 0;
    if (this.first && buffer.length > 0) {
      this.first = false;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
    }
    if (!final && this.carry.length >= LONG_RECORD) {
      const open = openRecordState(buffer, false);
      if (open !== null) {
        this.carry = buffer;
        this.open = open;
        return;
      }
    }
    const consumed = this.parse(buffer, final);
    this.carry = consumed < buffer.length ? buffer.slice(consumed) : '';
    this.need = this.carry.length;
  }

  /** The line the text pushed so far ends on (for errors found in bytes not yet pushed). */
  endLine(): number {
    return this.line + countLineBreaks(this.carry) + countLineBreaks(this.pending.join(''));
  }

  /** Parses complete records of `text`; returns how many characters they took. */
  private parse(text: string, final: boolean): number {
    const d = this.delimiter;
    const fields = this.fields;
    const quoted = this.quoted;
    const n = text.length;
    let i = 0;
    let line = this.line;
    let lineStart = 0;
    let consumed = 0;
    const fail = (message: string, at: number, atLine = line, atLineStart = lineStart): never => {
      throw new TaceError('PARSE_ERROR', `${message} at line ${atLine}, column ${at - atLineStart + 1}`, {
        param: this.source,
        remedy:
          'fix the file: quote fields holding delimiters, quotes or line breaks, and double inner quotes',
      });
    };
    records: while (i < n) {
      const recordLine = line;
      const c0 = text.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        // a blank line
        if (c0 === CR && i + 1 >= n && !final) break;
        i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        lineStart = i;
        consumed = i;
        this.line = line;
        continue;
      }
      let count = 0;
      for (;;) {
        if (text.charCodeAt(i) === QUOTE) {
          const openLine = line;
          const openLineStart = lineStart;
          const open = i;
          i++;
          let value = '';
          let chunk = i;
          for (;;) {
            if (i >= n) {
              if (!final) break records;
              fail('unterminated quoted field', open, openLine, openLineStart);
            }
            const c = text.charCodeAt(i);
            if (c === QUOTE) {
              if (i + 1 >= n && !final) break records;
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
            if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
              line++;
              lineStart = i + 1;
            }
            i++;
          }
          if (i >= n && !final) break records;
          const next = text.charCodeAt(i);
          if (i < n && next !== d && next !== LF && next !== CR) {
            fail('unexpected text after a closing quote', i);
          }
          fields[count] = value;
          quoted[count] = true;
        } else {
          const start = i;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === d || c === LF || c === CR) break;
            if (c === QUOTE) fail('unexpected quote in an unquoted field', i);
            i++;
          }
          if (i >= n && !final) break records;
          fields[count] = text.slice(start, i);
          quoted[count] = false;
        }
        count++;
        if (count === WIDE_RECORD && !final && openRecordState(text, false, i) !== null) {
          // a record this wide whose end has not arrived: wait for it rather than build its fields twice
          fields.length = 0;
          quoted.length = 0;
          break records;
        }
        if (i < n && text.charCodeAt(i) === d) {
          i++;
          continue;
        }
        break;
      }
      if (i < n) {
        if (text.charCodeAt(i) === CR) {
          if (i + 1 >= n && !final) break;
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
        lineStart = i;
      }
      this.onRecord(fields, quoted, count, recordLine);
      if (count > WIDE_RECORD) {
        fields.length = 0; // let the strings of a very wide record go
        quoted.length = 0;
      }
      consumed = i;
      this.line = line;
    }
    return consumed;
  }
}

/**
 * Splits delimited text into records following RFC 4180 (see {@link DelimitedParser}): quoted fields with
 * doubled inner quotes, delimiters and line breaks; records end with LF, CRLF or CR. A leading byte-order
 * mark is skipped; a final line break does not make an empty record; blank lines are skipped.
 * @param source - name used in error messages (usually the file path).
 * @throws {TaceError} `PARSE_ERROR` naming `source`, line and column for an unterminated quote, a stray quote
 * inside an unquoted field, or text after a closing quote.
 * @example parseDelimited('a,b\n1,"x,y"\n', ',').map((r) => r.fields) // [['a', 'b'], ['1', 'x,y']]
 */
export function parseDelimited(text: string, delimiter: string, source = 'text'): CsvRecord[] {
  const records: CsvRecord[] = [];
  const parser = new DelimitedParser(delimiter, source, (fields, quoted, count, line) => {
    records.push({ fields: fields.slice(0, count), quoted: quoted.slice(0, count), line });
  });
  parser.push(text, true);
  return records;
}
