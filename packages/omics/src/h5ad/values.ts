import { TaceError } from '@tace/core';
import type { Dataset } from 'h5wasm';
import { assertReadableFilters } from './h5wasm.js';
import type { Column } from './types.js';

const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
const H5T_STRING = 3;
const H5T_ENUM = 8;

/** numpy-style name of a dataset's element type (`'float32'`, `'int64'`, `'bool'`, `'string'`, ...). */
export function dtypeName(ds: Dataset): string {
  const m = ds.metadata;
  if (m.type === H5T_INTEGER) return `${m.signed ? 'int' : 'uint'}${m.size * 8}`;
  if (m.type === H5T_FLOAT) return `float${m.size * 8}`;
  if (m.type === H5T_ENUM && m.size === 1) return 'bool';
  if (m.type === H5T_STRING || (m.type === 9 && m.vlen_type?.type === H5T_STRING)) return 'string';
  return `hdf5-class-${m.type}`;
}

/**
 * Reads a whole dataset, or the 1-D element range `[start, end)`, after checking its filters. h5wasm
 * failures surface as a `TaceError` naming the dataset.
 * @throws {TaceError} `UNSUPPORTED` for an undecodable filter, `IO_ERROR` for a failed read.
 */
export function readRaw(ds: Dataset, file: string, range?: [number, number]): unknown {
  assertReadableFilters(ds, file);
  try {
    if (range === undefined) return ds.value;
    if (range[1] <= range[0]) return ds.slice([[0, 0]]);
    return ds.slice([[range[0], range[1]]]);
  } catch (cause) {
    throw new TaceError('IO_ERROR', `failed to read dataset ${ds.path}: ${String(cause).slice(0, 200)}`, {
      param: file,
      cause,
    });
  }
}

/** Converts 64-bit integers to doubles, refusing values beyond 2^53 (where doubles lose precision). */
export function bigIntsToFloat64(values: BigInt64Array | BigUint64Array, what: string): Float64Array {
  const out = new Float64Array(values.length);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > limit || v < -limit) {
      throw new TaceError('UNSUPPORTED', `${what} holds ${v}, beyond 2^53 where doubles lose precision`, {
        param: what,
      });
    }
    out[i] = Number(v);
  }
  return out;
}

/** Reads numeric values as `Float32Array` (float32 storage) or `Float64Array` (everything else). */
export function readNumbers(
  ds: Dataset,
  file: string,
  range?: [number, number],
): Float32Array | Float64Array {
  const raw = readRaw(ds, file, range);
  if (raw instanceof Float32Array || raw instanceof Float64Array) return raw;
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) return bigIntsToFloat64(raw, ds.path);
  if (ArrayBuffer.isView(raw)) return Float64Array.from(raw as unknown as ArrayLike<number>);
  if (typeof raw === 'number') return Float64Array.of(raw);
  throw new TaceError('UNSUPPORTED', `dataset ${ds.path} is not numeric (${dtypeName(ds)})`, { param: file });
}

/** Reads integer offsets (`indptr`) exactly as doubles: int64 storage is checked against 2^53. */
export function readOffsets(ds: Dataset, file: string, range?: [number, number]): Float64Array {
  const raw = readRaw(ds, file, range);
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) return bigIntsToFloat64(raw, ds.path);
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView))
    return Float64Array.from(raw as unknown as ArrayLike<number>);
  throw new TaceError('UNSUPPORTED', `dataset ${ds.path} is not an integer array (${dtypeName(ds)})`, {
    param: file,
  });
}

/** Reads integer indices (`indices`, codes) as `Int32Array`, checking that int64 values fit. */
export function readInt32(ds: Dataset, file: string, range?: [number, number]): Int32Array {
  const raw = readRaw(ds, file, range);
  if (raw instanceof Int32Array) return raw;
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
    const wide = bigIntsToFloat64(raw, ds.path);
    const out = new Int32Array(wide.length);
    for (let i = 0; i < wide.length; i++) {
      if (wide[i] > 2147483647 || wide[i] < -2147483648)
        throw new TaceError('UNSUPPORTED', `${ds.path} holds ${wide[i]}, beyond 32-bit indices`, {
          param: file,
        });
      out[i] = wide[i];
    }
    return out;
  }
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView))
    return Int32Array.from(raw as unknown as ArrayLike<number>);
  throw new TaceError('UNSUPPORTED', `dataset ${ds.path} is not an integer array (${dtypeName(ds)})`, {
    param: file,
  });
}

/** Reads a string dataset (vlen or fixed-length) as `string[]`. */
export function readStrings(ds: Dataset, file: string): string[] {
  const raw = readRaw(ds, file);
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.map((v) => String(v));
  if (ArrayBuffer.isView(raw)) return Array.from(raw as unknown as ArrayLike<number>, (v) => String(v));
  throw new TaceError('UNSUPPORTED', `dataset ${ds.path} is not a string array (${dtypeName(ds)})`, {
    param: file,
  });
}

/** Reads categories: strings, or numbers for numeric categories. */
export function readCategories(ds: Dataset, file: string): (string | number)[] {
  const dtype = dtypeName(ds);
  if (dtype === 'string') return readStrings(ds, file);
  return Array.from(readNumbers(ds, file));
}

/** Reads a plain 1-D dataset as an obs/var column (strings, booleans or numbers). */
export function readPlainColumn(ds: Dataset, file: string): Column {
  const dtype = dtypeName(ds);
  if (dtype === 'string') return { kind: 'string', values: readStrings(ds, file) };
  if (dtype === 'bool') return { kind: 'boolean', values: Uint8Array.from(readRaw(ds, file) as Int8Array) };
  const raw = readRaw(ds, file);
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array)
    return { kind: 'numeric', dtype, values: bigIntsToFloat64(raw, ds.path) };
  if (
    raw instanceof Float64Array ||
    raw instanceof Float32Array ||
    raw instanceof Int32Array ||
    raw instanceof Int16Array ||
    raw instanceof Int8Array ||
    raw instanceof Uint8Array ||
    raw instanceof Uint16Array ||
    raw instanceof Uint32Array
  )
    return { kind: 'numeric', dtype, values: raw };
  throw new TaceError('UNSUPPORTED', `column ${ds.path} has an unsupported type (${dtype})`, { param: file });
}
