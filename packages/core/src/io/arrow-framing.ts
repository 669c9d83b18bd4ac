import { Message } from 'apache-arrow';
import { TaceError } from '../errors/tace-error.js';

const FILE_MAGIC = 'ARROW1';

/**
 * Walks the message framing of Arrow IPC bytes (file or stream format) before apache-arrow decodes them,
 * so that a corrupted length cannot make the decoder loop or read past the end: every message's metadata
 * length must be a positive multiple of 8 that fits in the file, and its declared body length must fit in
 * what remains. Stops at the end-of-stream marker or, in the file format, at the footer.
 * In the file format the footer's vectors (record batch and dictionary blocks, schema fields and their
 * children) must also fit in the footer: apache-arrow trusts those lengths and allocates from them.
 * @throws {TaceError} `PARSE_ERROR` naming `source` and the offset of the bad message.
 */
export function assertArrowFraming(bytes: Uint8Array, source: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isFile = bytes.length >= 6 && new TextDecoder().decode(bytes.subarray(0, 6)) === FILE_MAGIC;
  let end = bytes.length;
  let position = 0;
  if (isFile) {
    // ARROW1 + 2 padding bytes ... footer, int32 footer length, ARROW1
    if (bytes.length < 8 + 4 + 6) fail(source, 0, 'file is shorter than its magic numbers');
    const footerLength = view.getInt32(bytes.length - 10, true);
    end = bytes.length - 10 - footerLength;
    if (footerLength <= 0 || end < 8)
      fail(source, bytes.length - 10, `footer length ${footerLength} is impossible`);
    position = 8;
  }
  while (position + 4 <= end) {
    let length = view.getInt32(position, true);
    let header = 4;
    if (length === -1) {
      if (position + 8 > end) fail(source, position, 'truncated message length');
      length = view.getInt32(position + 4, true);
      header = 8;
    }
    if (length === 0) break; // end-of-stream marker
    if (length < 0 || length % 8 !== 0 || position + header + length > end) {
      fail(source, position, `message metadata length ${length} is invalid`);
    }
    const metadata = bytes.subarray(position + header, position + header + length);
    let bodyLength: number;
    try {
      const message = Message.decode(metadata);
      // 1 Schema, 2 DictionaryBatch, 3 RecordBatch: apache-arrow loops on any other header type.
      if (![1, 2, 3].includes(message.headerType)) throw new Error(`message type ${message.headerType}`);
      message.header();
      bodyLength = Number(message.bodyLength);
    } catch (cause) {
      fail(source, position, `unreadable message metadata (${(cause as Error).message})`);
    }
    const next = position + header + length + bodyLength;
    if (!Number.isSafeInteger(bodyLength) || bodyLength < 0 || next > end) {
      fail(source, position, `message body length ${bodyLength} exceeds the file`);
    }
    position = next;
  }
  if (!isFile && position + 4 <= end) fail(source, position, 'stream ends inside a message');
  if (isFile) assertFooterVectors(view, end, bytes.length - 10, source);
}

/** Checks the vector lengths of an Arrow file footer (a flatbuffer in `[start, stop)`) against its size. */
function assertFooterVectors(view: DataView, start: number, stop: number, source: string): void {
  const inside = (at: number, bytes: number) => at >= start && at + bytes <= stop;
  const table = (at: number): number => {
    if (!inside(at, 4)) fail(source, at, 'footer offset out of range');
    return at + view.getUint32(at, true);
  };
  const field = (tablePos: number, index: number): number | null => {
    if (!inside(tablePos, 4)) fail(source, tablePos, 'footer table out of range');
    const vtable = tablePos - view.getInt32(tablePos, true);
    if (!inside(vtable, 4)) fail(source, vtable, 'footer vtable out of range');
    const vtableSize = view.getUint16(vtable, true);
    if (4 + 2 * index + 2 > vtableSize || !inside(vtable, 4 + 2 * index + 2)) return null;
    const offset = view.getUint16(vtable + 4 + 2 * index, true);
    return offset === 0 ? null : tablePos + offset;
  };
  const vector = (tablePos: number, index: number, elementBytes: number): number[] => {
    const at = field(tablePos, index);
    if (at === null) return [];
    const vectorPos = table(at);
    if (!inside(vectorPos, 4)) fail(source, vectorPos, 'footer vector out of range');
    const length = view.getUint32(vectorPos, true);
    if (!inside(vectorPos + 4, length * elementBytes)) {
      fail(source, vectorPos, `footer vector of ${length} elements exceeds the footer`);
    }
    return Array.from({ length }, (_, i) => vectorPos + 4 + i * elementBytes);
  };
  const footer = table(start);
  vector(footer, 2, 24); // dictionaries: Block structs
  vector(footer, 3, 24); // recordBatches: Block structs
  const schemaAt = field(footer, 1);
  if (schemaAt === null) return;
  const pending = vector(table(schemaAt), 1, 4).map(table); // fields
  for (let n = 0; pending.length > 0; n++) {
    if (n > (stop - start) / 4) fail(source, start, 'footer schema nests too deeply');
    const fieldPos = pending.pop()!;
    vector(fieldPos, 6, 4); // custom_metadata
    pending.push(...vector(fieldPos, 5, 4).map(table)); // children
  }
}

function fail(source: string, offset: number, what: string): never {
  throw new TaceError('PARSE_ERROR', `${source}: not a readable Arrow IPC file: ${what} (byte ${offset})`, {
    param: source,
    remedy: 'the file is truncated or corrupted; write it again',
  });
}
