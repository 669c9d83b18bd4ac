import { TaceError } from '@tace/core';

/** A float32 array read from or written to a `.npy` file: C-order data and its shape. */
export interface NpyArray {
  /** Dimensions, outermost first (numpy's `shape`). */
  shape: number[];
  /** Elements in C (row-major) order. */
  data: Float32Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Encodes a float32 array as a NumPy `.npy` file (format 1.0: magic, version, little-endian uint16 header
 * length, the header dict `{'descr': '<f4', 'fortran_order': False, 'shape': (...), }` padded with spaces to
 * a multiple of 64 bytes, then the little-endian float32 data in C order), so that `numpy.load` reads it with
 * no other package (NumPy's `format.write_array`).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when `data.length` is not the product of `shape`.
 * @example
 * ```ts
 * writeFileSync('x.npy', encodeNpy({ shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) }));
 * ```
 */
export function encodeNpy(array: NpyArray): Uint8Array {
  const { shape, data } = array;
  const count = shape.reduce((a, b) => a * b, 1);
  if (!shape.every((d) => Number.isInteger(d) && d >= 0) || count !== data.length) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `shape [${shape.join(', ')}] does not hold ${data.length} values`,
      { param: 'shape', remedy: 'pass a shape whose product is the number of values' },
    );
  }
  const head = npyHeader(shape);
  const total = head.length;
  const out = new Uint8Array(total + data.length * 4);
  out.set(head, 0);
  const view = new DataView(out.buffer, total);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
  return out;
}

/**
 * Decodes a `.npy` file holding a C-order float32 (`<f4`) or float64 (`<f8`, converted to float32) array,
 * format 1.0, 2.0 or 3.0, as `numpy.save` writes it.
 *
 * @throws {TaceError} `PARSE_ERROR` when the bytes are not such a file.
 * @example
 * ```ts
 * const { shape, data } = decodeNpy(readFileSync('x.npy'));
 * ```
 */
export function decodeNpy(bytes: Uint8Array, source = 'npy'): NpyArray {
  const fail = (why: string): TaceError =>
    new TaceError('PARSE_ERROR', `${source}: ${why}`, {
      param: source,
      remedy: 'write the array with numpy.save (C order, float32 or float64)',
    });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw fail('not a .npy file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const lengthBytes = major === 1 ? 2 : 4;
  if (major < 1 || major > 3) throw fail(`unsupported .npy format version ${major}`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes + headerLength;
  if (start > bytes.length) throw fail('truncated header');
  const header = new TextDecoder().decode(bytes.subarray(8 + lengthBytes, start));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw fail(`unreadable header ${header.trim()}`);
  if (fortran === 'True') throw fail('Fortran-order arrays are not supported');
  const width = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (width === 0) throw fail(`dtype '${descr}' is not supported (expected '<f4' or '<f8')`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) throw fail(`bad shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - start !== count * width)
    throw fail(`${bytes.length - start} data bytes for shape (${shape.join(', ')}) of '${descr}'`);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++)
    data[i] =
      width === 4 ? view.getFloat32(start + i * 4, true) : Math.fround(view.getFloat64(start + i * 8, true));
  return { shape, data };
}

/**
 * The header of a float32 C-order `.npy` file of `shape` (magic, version 1.0, length, padded dict), at least
 * `minLength` bytes and a multiple of 64, so that a file streamed to disk can have its header rewritten in
 * place once the number of rows is known.
 */
export function npyHeader(shape: readonly number[], minLength = 0): Uint8Array {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${tuple}, }`;
  const total = Math.ceil(Math.max(10 + dict.length + 1, minLength) / 64) * 64;
  const text = `${dict.padEnd(total - 10 - 1, ' ')}\n`;
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}
