/**
 * Huffman decoding of a sequential DCT scan (ITU-T T.81 F.2.2): the code tables of a DHT segment, and a bit
 * reader over the entropy-coded bytes that removes stuffed zero bytes (0xFF 0x00) and, as libjpeg does, feeds
 * zero bits once a marker (or the end of the data) is reached.
 */

/** One DHT table in the decoding form of T.81 F.2.2.3 (maxcode, valptr, mincode per code length). */
export interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

/** Builds a table from the 16 code-length counts and the symbols of a DHT segment (T.81 Annex C). */
export function huffmanTable(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1]!;
    if (n > 0) {
      valPtr[length] = k;
      minCode[length] = code;
      code += n;
      k += n;
      maxCode[length] = code - 1;
    }
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff; // sentinel: a corrupt code ends the search
  return { maxCode, valPtr, minCode, values };
}

/** Reads bits from the entropy-coded segment that starts at `pos`. */
export class BitReader {
  pos: number;
  private buffer = 0;
  private count = 0;
  /** True once a marker (or the end of the data) was met inside the entropy-coded data. */
  hitMarker = false;

  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  private fill(): void {
    let byte = 0;
    if (!this.hitMarker && this.pos < this.data.length) {
      byte = this.data[this.pos]!;
      if (byte === 0xff) {
        const next = this.data[this.pos + 1];
        if (next === 0x00) this.pos += 2;
        else {
          this.hitMarker = true;
          byte = 0;
        }
      } else this.pos++;
    } else this.hitMarker = true;
    this.buffer = (this.buffer << 8) | byte;
    this.count += 8;
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.buffer >>> this.count) & 1;
  }

  /** `n` bits (n <= 16), most significant first. */
  bits(n: number): number {
    while (this.count < n) this.fill();
    this.count -= n;
    return (this.buffer >>> this.count) & ((1 << n) - 1);
  }

  /** One Huffman-coded symbol (T.81 F.2.2.3, DECODE). */
  decode(table: HuffmanTable): number {
    let code = this.bit();
    let length = 1;
    while (code > table.maxCode[length]!) {
      code = (code << 1) | this.bit();
      length++;
    }
    if (length > 16) throw new Error('corrupt Huffman code in the JPEG data');
    return table.values[table.valPtr[length]! + code - table.minCode[length]!]!;
  }

  /** RECEIVE(s) then EXTEND (T.81 F.2.2.1): the signed value of an s-bit magnitude category. */
  receiveExtend(s: number): number {
    if (s === 0) return 0;
    const v = this.bits(s);
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /** Restart: drops the buffered bits and consumes the RSTn marker that must follow. */
  restart(): void {
    this.buffer = 0;
    this.count = 0;
    this.hitMarker = false;
    while (this.pos < this.data.length && this.data[this.pos] === 0xff && this.data[this.pos + 1] === 0xff)
      this.pos++;
    const marker = this.data[this.pos + 1];
    if (this.data[this.pos] !== 0xff || marker === undefined || marker < 0xd0 || marker > 0xd7) {
      throw new Error(`expected a restart marker at byte ${this.pos} of the JPEG data`);
    }
    this.pos += 2;
  }
}
