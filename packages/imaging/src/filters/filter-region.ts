import { indexToPoint } from '../image/geometry.js';
import type { Image } from '../image/types.js';
import type { BoundingBox } from '../preprocess/roi-mask.js';

/** The box of every voxel of `image`. */
export function wholeRegion(image: Image): BoundingBox {
  return { lower: [0, 0, 0], size: [...image.size] };
}

/** Whether `region` covers all of a grid of `size`. */
export function isWholeRegion(region: BoundingBox, size: readonly [number, number, number]): boolean {
  return region.lower.every((l, d) => l === 0 && region.size[d] === size[d]);
}

/**
 * `data` (the voxels of `region`, x fastest) as an image placed as `cropImage(image, region)` places it: the
 * size of the region, the origin moved to its first voxel, spacing and direction of `image`.
 */
export function regionImage(image: Image, region: BoundingBox, data: Float64Array): Image {
  return {
    data,
    size: [...region.size],
    spacing: [...image.spacing],
    origin: isWholeRegion(region, image.size)
      ? [...image.origin]
      : indexToPoint(image, region.lower[0], region.lower[1], region.lower[2]),
    direction: [...image.direction],
  };
}
