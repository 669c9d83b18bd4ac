import { TaceError } from '@tace/core';
import type { VoxelArray } from '../image/types.js';

/** Voxel element types shared by the readers and writers. */
export type VoxelType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';

const CONSTRUCTORS = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

/** Bytes per element of a {@link VoxelType}. */
export function voxelTypeBytes(type: VoxelType): number {
  return CONSTRUCTORS[type].BYTES_PER_ELEMENT;
}

/** The {@link VoxelType} of a typed array. */
export function voxelTypeOf(data: VoxelArray): VoxelType {
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof Float32Array) return 'float32';
  return 'float64';
}

/**
 * Copies `count` elements of `type` from `bytes` (starting at `offset`) into a new typed array, swapping
 * bytes when the stored order differs from the machine's (little-endian on every supported platform).
 * @throws {TaceError} `PARSE_ERROR` when `bytes` is too short.
 */
export function decodeVoxels(
  bytes: Uint8Array,
  offset: number,
  type: VoxelType,
  count: number,
  littleEndian: boolean,
  source: string,
): VoxelArray {
  const width = voxelTypeBytes(type);
  if (!Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: header declares ${count} voxels at byte offset ${offset}, which is impossible`,
      { param: source, remedy: 'check that the file is complete and its header sizes are right' },
    );
  }
  if (bytes.length - offset < count * width) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: expected ${count * width} bytes of voxel data, found ${bytes.length - offset}`,
      { param: source, remedy: 'check that the file is complete and its header sizes are right' },
    );
  }
  // Uint8Array.prototype.slice copies even for a Node Buffer (whose own slice is a view into a shared pool).
  const copy = Uint8Array.prototype.slice.call(bytes, offset, offset + count * width);
  if (!littleEndian && width > 1) {
    for (let i = 0; i < copy.length; i += width) copy.subarray(i, i + width).reverse();
  }
  return new CONSTRUCTORS[type](copy.buffer, 0, count);
}

/** The raw bytes of a typed array (little-endian, as stored in memory). */
export function voxelBytes(data: VoxelArray): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
