import { indexToPoint } from '../image/geometry.js';
import type { Image, VoxelArray } from '../image/types.js';
import type { BoundingBox } from './roi-mask.js';

/**
 * The sub-volume of `data` (on a grid of `size`) starting at `lower` with extent `extent`, same element type.
 */
export function cropArray<T extends VoxelArray>(
  data: T,
  size: readonly [number, number, number],
  lower: readonly [number, number, number],
  extent: readonly [number, number, number],
): T {
  const out = new (data.constructor as new (n: number) => T)(extent[0] * extent[1] * extent[2]);
  return cropInto(data, size, lower, extent, out);
}

/** Copies the sub-volume of {@link cropArray} into `out` (converting to its element type) and returns `out`. */
function cropInto<T extends VoxelArray>(
  data: VoxelArray,
  size: readonly [number, number, number],
  lower: readonly [number, number, number],
  extent: readonly [number, number, number],
  out: T,
): T {
  const [nx, ny] = size;
  const [ex, ey, ez] = extent;
  for (let k = 0; k < ez; k++) {
    for (let j = 0; j < ey; j++) {
      const from = lower[0] + nx * (lower[1] + j + ny * (lower[2] + k));
      out.set(data.subarray(from, from + ex) as never, ex * (j + ey * k));
    }
  }
  return out;
}

/**
 * {@link cropArray} converted to doubles in the same copy (the voxels' values unchanged: every voxel type
 * converts to a double exactly), for the feature classes' `Float64Array` images.
 */
export function cropToFloat64(
  data: VoxelArray,
  size: readonly [number, number, number],
  lower: readonly [number, number, number],
  extent: readonly [number, number, number],
): Float64Array {
  return cropInto(data, size, lower, extent, new Float64Array(extent[0] * extent[1] * extent[2]));
}

/** The region of a box grown by `pad` voxels on every side, clipped to a grid of `size`. */
export function padBox(box: BoundingBox, size: readonly [number, number, number], pad: number): BoundingBox {
  const lower = box.lower.map((l) => Math.max(0, l - pad)) as [number, number, number];
  const upper = box.lower.map((l, d) => Math.min(size[d]! - 1, l + box.size[d]! - 1 + pad));
  return { lower, size: [upper[0]! - lower[0] + 1, upper[1]! - lower[1] + 1, upper[2]! - lower[2] + 1] };
}

/**
 * Crops an image to a box (as PyRadiomics `cropToTumorMask`, with the padding applied by {@link padBox}),
 * moving the origin so every voxel keeps its physical position.
 * @example const roiImage = cropImage(image, padBox(box, image.size, 5));
 */
export function cropImage(image: Image, box: BoundingBox): Image {
  return { data: cropArray(image.data, image.size, box.lower, box.size), ...cropGeometry(image, box) };
}

/** The geometry of {@link cropImage}'s result (size, spacing, origin, direction), without its voxels. */
export function cropGeometry(image: Image, box: BoundingBox): Omit<Image, 'data'> {
  return {
    size: [...box.size],
    spacing: [...image.spacing],
    origin: indexToPoint(image, box.lower[0], box.lower[1], box.lower[2]),
    direction: [...image.direction],
  };
}
