import { createHash } from 'node:crypto';
import { padMask } from '../features/shape/shape.js';
import { indexToPoint } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import { cropArray } from '../preprocess/crop.js';
import type { BoundingBox, IntensityRange } from '../preprocess/roi-mask.js';

/** Formats numbers as a Python tuple, as PyRadiomics writes geometry diagnostics: `(1, 2, 3)`. */
export function pyTuple(values: readonly number[]): string {
  return `(${values.join(', ')})`;
}

/**
 * SHA-1 of the voxel bytes (native type, little-endian, x fastest), as PyRadiomics'
 * `diagnostics_Image-original_Hash` (`hashlib.sha1(sitk.GetArrayViewFromImage(image))`).
 */
export function voxelHash(data: Image['data']): string {
  return createHash('sha1')
    .update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    .digest('hex');
}

/** Voxels per chunk of {@link uint32VoxelHash}'s conversion (256 KiB of UInt32). */
const HASH_CHUNK = 65536;

/** The conversion buffer of {@link uint32VoxelHash}, allocated once and reused (the hash is synchronous). */
let hashChunk: Uint32Array | null = null;

/**
 * SHA-1 of the voxels cast to UInt32, as PyRadiomics hashes a mask (`imageoperations.getMask` casts it to
 * UInt32 first): {@link voxelHash} of `Uint32Array.from(data)`, without the copy when the voxels are UInt32
 * already (or non-negative Int32), else converted chunk by chunk into one small buffer, reused across calls.
 */
export function uint32VoxelHash(data: Image['data']): string {
  if (data instanceof Uint32Array || (data instanceof Int32Array && !data.some((v) => v < 0))) {
    return voxelHash(data);
  }
  const hash = createHash('sha1');
  hashChunk ??= new Uint32Array(HASH_CHUNK);
  const chunk = hashChunk;
  for (let start = 0; start < data.length; start += HASH_CHUNK) {
    const end = Math.min(start + HASH_CHUNK, data.length);
    // TypedArray.set converts each element as Uint32Array.from does (ToUint32)
    chunk.set(data.subarray(start, end) as ArrayLike<number>);
    hash.update(new Uint8Array(chunk.buffer, 0, 4 * (end - start)));
  }
  return hash.digest('hex');
}

/** Number of 6-connected components of a binary mask (PyRadiomics `VolumeNum`, SimpleITK ConnectedComponent). */
export function connectedComponents(mask: Uint8Array, size: readonly [number, number, number]): number {
  // on a copy padded by one empty voxel (no bounds tests), whose voxels are cleared once visited
  const grid = padMask(mask, size);
  const px = size[0] + 2;
  const plane = px * (size[1] + 2);
  const steps = Int32Array.of(-1, 1, -px, px, -plane, plane);
  let voxels = 0;
  for (let v = 0; v < grid.length; v++) voxels += grid[v]!;
  const stack = new Int32Array(voxels);
  let components = 0;
  for (let start = 0; start < grid.length; start++) {
    if (grid[start] === 0) continue;
    components++;
    grid[start] = 0;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const v = stack[--top]!;
      for (let a = 0; a < 6; a++) {
        const w = v + steps[a]!;
        if (grid[w] !== 0) {
          grid[w] = 0;
          stack[top++] = w;
        }
      }
    }
  }
  return components;
}

/**
 * `diagnostics_Image-<name>_*` entries: spacing, size, mean, minimum, maximum (and hash for the original).
 * `range`: the voxels' sum, minimum and maximum when already computed (in index order, as here), else one
 * pass computes them.
 */
export function imageDiagnostics(
  name: string,
  image: Image,
  withHash: boolean,
  range: IntensityRange | null = null,
): Record<string, string | number> {
  const { sum, min, max } = range ?? intensityRange(image.data);
  const prefix = `diagnostics_Image-${name}_`;
  return {
    ...(withHash ? { [`${prefix}Hash`]: voxelHash(image.data) } : {}),
    [`${prefix}Dimensionality`]: '3D',
    [`${prefix}Spacing`]: pyTuple(image.spacing),
    [`${prefix}Size`]: pyTuple(image.size),
    [`${prefix}Mean`]: sum / image.data.length,
    [`${prefix}Minimum`]: min,
    [`${prefix}Maximum`]: max,
  };
}

/** Sum (in index order), minimum and maximum of the voxels, as {@link imageDiagnostics} reports them. */
function intensityRange(data: Image['data']): IntensityRange {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, min, max };
}

/**
 * `diagnostics_Mask-<name>_*` entries: bounding box, voxel count, components, centre of mass, ROI intensity
 * stats, and with `labels` (the voxels of the label image) their hash as UInt32 ({@link uint32VoxelHash}).
 */
export function maskDiagnostics(
  name: string,
  image: Image,
  mask: Uint8Array,
  box: BoundingBox,
  labels?: Image['data'],
): Record<string, string | number> {
  // mask voxels outside the bounding box are 0: statistics and components only visit the box
  const [nx, ny] = image.size;
  let n = 0;
  let ci = 0;
  let cj = 0;
  let ck = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const [li, lj, lk] = box.lower;
  const [ei, ej, ek] = box.size;
  for (let k = lk; k < lk + ek; k++) {
    for (let j = lj; j < lj + ej; j++) {
      let v = li + nx * (j + ny * k);
      for (let i = li; i < li + ei; i++, v++) {
        if (mask[v] === 0) continue;
        n++;
        ci += i;
        cj += j;
        ck += k;
        const x = image.data[v]!;
        sum += x;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
  }
  const com: [number, number, number] = [ci / n, cj / n, ck / n];
  const prefix = `diagnostics_Mask-${name}_`;
  return {
    ...(labels !== undefined ? { [`${prefix}Hash`]: uint32VoxelHash(labels) } : {}),
    [`${prefix}Spacing`]: pyTuple(image.spacing),
    [`${prefix}Size`]: pyTuple(image.size),
    [`${prefix}BoundingBox`]: pyTuple([...box.lower, ...box.size]),
    [`${prefix}VoxelNum`]: n,
    [`${prefix}VolumeNum`]: connectedComponents(cropArray(mask, image.size, box.lower, box.size), box.size),
    [`${prefix}CenterOfMassIndex`]: pyTuple(com),
    [`${prefix}CenterOfMass`]: pyTuple(indexToPoint(image, ...com)),
    [`${prefix}Mean`]: sum / n,
    [`${prefix}Minimum`]: min,
    [`${prefix}Maximum`]: max,
  };
}
