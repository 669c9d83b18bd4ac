/**
 * A minimal protocol-buffers encoder: just what the ONNX messages need (varints, length-delimited bytes,
 * strings, nested messages, packed int64 and raw little-endian floats). Wire format as in the protobuf
 * encoding guide: a field is `tag = (fieldNumber << 3) | wireType` followed by its payload; wire type 0
 * is a varint, 2 is length-delimited, 5 is a 32-bit little-endian value.
 *
 * Values are written into growable chunks and joined once by {@link ProtoWriter.finish}.
 */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private current = new Uint8Array(256);
  private position = 0;
  private total = 0;

  /** Appends a varint-encoded unsigned or non-negative integer (exact up to 2^53). */
  varint(value: number): this {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`varint must be a non-negative integer: ${value}`);
    while (value >= 0x80) {
      this.byte((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    return this.byte(value);
  }

  /** Appends a signed int64 as protobuf `int64` does: negatives as their 64-bit two's complement (10 bytes). */
  int64(value: number): this {
    if (value >= 0) return this.varint(value);
    let big = BigInt.asUintN(64, BigInt(value));
    while (big >= 0x80n) {
      this.byte(Number(big & 0x7fn) | 0x80);
      big >>= 7n;
    }
    return this.byte(Number(big));
  }

  /** Writes a field tag. */
  tag(fieldNumber: number, wireType: 0 | 2 | 5): this {
    return this.varint(fieldNumber * 8 + wireType);
  }

  /** A varint field (int32/int64/enum/bool with non-negative values; negative int64 handled too). */
  intField(fieldNumber: number, value: number): this {
    return this.tag(fieldNumber, 0).int64(value);
  }

  /** A 32-bit float field (wire type 5). */
  floatField(fieldNumber: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.tag(fieldNumber, 5).raw(bytes);
  }

  /** A length-delimited field holding `bytes`. */
  bytesField(fieldNumber: number, bytes: Uint8Array): this {
    return this.tag(fieldNumber, 2).varint(bytes.length).raw(bytes);
  }

  /** A UTF-8 string field. */
  stringField(fieldNumber: number, value: string): this {
    return this.bytesField(fieldNumber, new TextEncoder().encode(value));
  }

  /** A nested message field, encoded by `write` into a fresh writer. */
  messageField(fieldNumber: number, write: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    write(inner);
    return this.bytesField(fieldNumber, inner.finish());
  }

  /** A packed repeated int64 field. */
  packedInt64Field(fieldNumber: number, values: readonly number[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.int64(v);
    return this.bytesField(fieldNumber, inner.finish());
  }

  /** A packed repeated float field (little-endian float32). */
  packedFloatField(fieldNumber: number, values: readonly number[]): this {
    const bytes = new Uint8Array(4 * values.length);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
    return this.bytesField(fieldNumber, bytes);
  }

  /** The encoded message. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.total + this.position);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    out.set(this.current.subarray(0, this.position), offset);
    return out;
  }

  private byte(value: number): this {
    if (this.position === this.current.length) this.flush(256);
    this.current[this.position++] = value;
    return this;
  }

  private raw(bytes: Uint8Array): this {
    if (bytes.length > this.current.length - this.position) {
      this.flush(256);
      this.chunks.push(bytes);
      this.total += bytes.length;
      return this;
    }
    this.current.set(bytes, this.position);
    this.position += bytes.length;
    return this;
  }

  private flush(nextSize: number): void {
    this.chunks.push(this.current.subarray(0, this.position));
    this.total += this.position;
    this.current = new Uint8Array(nextSize);
    this.position = 0;
  }
}
