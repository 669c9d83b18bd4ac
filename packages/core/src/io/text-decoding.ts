import { isUtf8 } from 'node:buffer';
import { TaceError } from '../errors/tace-error.js';

/** Character encodings of text tables. Mirrors R `read.csv(fileEncoding = )`. */
export type TextEncoding = 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'latin1', 'utf-16le', 'utf-16be'];
const SNIFF_BYTES = 4096;

/** Index of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const b1 = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Where the last complete UTF-8 sequence of `bytes` ends (a sequence cut by the chunk end is left out). */
function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

/**
 * Decodes a byte stream pushed in chunks of any size to text in the requested encoding:
 * - a UTF-8 byte-order mark is dropped; a UTF-16 one selects UTF-16 of that byte order (under `'utf-8'`, the
 *   default, or the matching UTF-16 encoding);
 * - UTF-8 is validated: an invalid byte (e.g. Latin-1 `ü`, 0xFC) is a `PARSE_ERROR` naming the line and byte
 *   offset, never a silent U+FFFD;
 * - NUL bytes in UTF-8 or Latin-1 are an error (text tables hold none): when they fill every other byte of
 *   the start, the message names the file as UTF-16 without a byte-order mark;
 * - Latin-1 is ISO-8859-1 (each byte one code point), as R's `fileEncoding = "latin1"`.
 */
export class TextDecoding {
  private encoding: TextEncoding | null = null;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private utf16: InstanceType<typeof TextDecoder> | null = null;
  /** Bytes decoded before the current chunk (byte offsets in messages count from the start of the text). */
  private offset = 0;

  /**
   * @param lineOf - the line on which a text would end if it followed the text already decoded.
   */
  constructor(
    private readonly source: string,
    private readonly requested: TextEncoding,
    private readonly lineOf: (textBefore: string) => number,
  ) {
    if (!ENCODINGS.includes(requested)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `encoding must be one of ${ENCODINGS.join(', ')}, but was ${JSON.stringify(requested)}`,
        { param: 'encoding', remedy: "re-save the file as UTF-8, or pass { encoding: 'latin1' }" },
      );
    }
  }

  /** The text of `bytes` (possibly '' while a sequence or the first bytes are incomplete). */
  push(bytes: Uint8Array, final: boolean): string {
    if (this.encoding === null) {
      this.head.push(bytes.slice());
      this.headLength += bytes.length;
      if (this.headLength < SNIFF_BYTES && !final) return '';
      const start = Buffer.concat(this.head);
      this.head = [];
      return this.decode(this.sniff(start), final);
    }
    return this.decode(bytes, final);
  }

  /** Chooses the encoding from the first bytes; returns them without a byte-order mark. */
  private sniff(start: Uint8Array): Uint8Array {
    const bom16 =
      start[0] === 0xff && start[1] === 0xfe
        ? 'utf-16le'
        : start[0] === 0xfe && start[1] === 0xff
          ? 'utf-16be'
          : null;
    if (bom16 !== null && this.requested !== 'latin1') {
      if (this.requested !== 'utf-8' && this.requested !== bom16) {
        this.fail(
          `starts with a ${bom16.toUpperCase()} byte-order mark but encoding '${this.requested}' was requested`,
          `pass { encoding: '${bom16}' } or leave encoding unset`,
        );
      }
      this.encoding = bom16;
      this.offset = 2;
      this.utf16 = new TextDecoder(bom16, { fatal: true, ignoreBOM: true });
      return start.subarray(2);
    }
    this.encoding = this.requested;
    if (this.requested === 'utf-16le' || this.requested === 'utf-16be') {
      this.utf16 = new TextDecoder(this.requested, { fatal: true, ignoreBOM: true });
      return start;
    }
    if (this.requested === 'utf-8' && start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) {
      this.offset = 3;
      return start.subarray(3);
    }
    const guess = utf16Guess(start.subarray(0, SNIFF_BYTES));
    if (guess !== null) {
      this.fail(
        `looks like ${guess.toUpperCase()} text without a byte-order mark (every other byte is NUL)`,
        `pass { encoding: '${guess}' }, or re-save the file as UTF-8`,
      );
    }
    return start;
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    if (this.utf16 !== null) {
      try {
        const text = this.utf16.decode(bytes, { stream: !final });
        this.offset += bytes.length;
        return text;
      } catch (error) {
        this.fail(
          `is not valid ${this.encoding!.toUpperCase()} in bytes ${this.offset} to ${this.offset + bytes.length} (near line ${this.lineOf('')})`,
          `re-save the file as UTF-8, or pass the encoding it was written in`,
          error,
        );
      }
    }
    let data = bytes;
    if (this.carry.length > 0) data = Buffer.concat([this.carry, bytes]);
    const end = final || this.encoding === 'latin1' ? data.length : completeUtf8End(data);
    const body = data.subarray(0, end);
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const nul = buffer.indexOf(0);
    if (this.encoding === 'utf-8' && !isUtf8(body)) {
      const at = firstInvalidUtf8(body);
      const before = buffer.toString('utf8', 0, at);
      const bad = body.subarray(at, Math.min(at + 4, body.length));
      const stop = nul >= 0 && nul < at ? nul : -1;
      if (stop < 0) {
        this.fail(
          `is not valid UTF-8: line ${this.lineOf(before)}, byte offset ${this.offset + at} holds ${hex(bad)}${before.length > 0 ? ` after ${JSON.stringify(before.slice(-20))}` : ''} (Latin-1 or Windows-1252 text?)`,
          "re-save as UTF-8 or pass { encoding: 'latin1' }",
        );
      }
    }
    if (nul >= 0) {
      const before =
        this.encoding === 'utf-8' ? buffer.toString('utf8', 0, nul) : buffer.toString('latin1', 0, nul);
      this.fail(
        `holds a NUL byte at line ${this.lineOf(before)}, byte offset ${this.offset + nul}: not a text table`,
        "check that this is a CSV/TSV file; UTF-16 text needs { encoding: 'utf-16le' } or 'utf-16be'",
      );
    }
    this.carry = data.slice(end);
    this.offset += end;
    return this.encoding === 'latin1' ? buffer.toString('latin1') : buffer.toString('utf8');
  }

  private fail(what: string, remedy: string, cause?: unknown): never {
    throw new TaceError('PARSE_ERROR', `${this.source} ${what}`, { param: this.source, remedy, cause });
  }
}

/** 'utf-16le' or 'utf-16be' when NUL bytes fill the odd (or even) positions of `start`, else null. */
function utf16Guess(start: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(start.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < start.length; i += 2) {
    if (start[i] === 0) evenNul++;
    if (start[i + 1] === 0) oddNul++;
  }
  if (oddNul >= 0.5 * pairs && evenNul <= 0.1 * pairs) return 'utf-16le';
  if (evenNul >= 0.5 * pairs && oddNul <= 0.1 * pairs) return 'utf-16be';
  return null;
}
