import { TaceError } from '@tace/core';
import type { BoundingBox } from '../preprocess/roi-mask.js';
import { infiniteRoiError } from '../preprocess/size-bounds.js';
import type { NanVoxelPolicy } from '../settings.js';

/**
 * Applies the `nanVoxels` policy to the ROI of one image: counts the NaN voxels of `data` inside `mask`;
 * with `'error'` throws when there is any, with `'exclude'` returns a copy of the mask without them (the mask
 * itself when there is none).
 *
 * @throws {TaceError} `MISSING_VALUE` naming the image and the count (policy `'error'`); `EMPTY_INPUT` when
 *   every ROI voxel is NaN (policy `'exclude'`).
 * @example applyNanPolicy(image.data, roi, 'exclude', 'original').count
 */
export function applyNanPolicy(
  data: ArrayLike<number>,
  mask: Uint8Array,
  policy: NanVoxelPolicy,
  imageName: string,
): { mask: Uint8Array; count: number } {
  let count = 0;
  let inRoi = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    inRoi++;
    if (Number.isNaN(data[v])) count++;
  }
  return nanPolicyResult(data, mask, policy, imageName, count, inRoi, null);
}

/**
 * {@link applyNanPolicy} for the original image, together with the check that no ROI voxel is infinite
 * (`assertFiniteRoi`, after the NaN policy), in one pass over `box` only (the ROI's bounding box on the grid of
 * `size`: `mask` is 0 outside it), instead of two passes over the whole image.
 * @throws {TaceError} as {@link applyNanPolicy}, then as `assertFiniteRoi` naming `name`.
 */
export function applyNonFinitePolicy(
  data: ArrayLike<number>,
  mask: Uint8Array,
  size: readonly [number, number, number],
  box: BoundingBox,
  policy: NanVoxelPolicy,
  imageName: string,
  name: string,
): { mask: Uint8Array; count: number } {
  const [nx, ny] = size;
  const [li, lj, lk] = box.lower;
  const [ei, ej, ek] = box.size;
  let count = 0;
  let inRoi = 0;
  let infinite = 0;
  let first = -1;
  for (let k = lk; k < lk + ek; k++) {
    for (let j = lj; j < lj + ej; j++) {
      const row = nx * (j + ny * k);
      for (let v = row + li; v < row + li + ei; v++) {
        if (mask[v] === 0) continue;
        inRoi++;
        const x = data[v]!;
        if (Number.isNaN(x)) count++;
        else if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
          if (infinite === 0) first = v;
          infinite++;
        }
      }
    }
  }
  const result = nanPolicyResult(data, mask, policy, imageName, count, inRoi, { size, box });
  if (infinite > 0) throw infiniteRoiError(data, size, name, infinite, first);
  return result;
}

/**
 * The NaN policy given the counts: the mask itself (no NaN), an error, or a copy without the NaN voxels
 * (visiting only `region`'s box when given).
 */
function nanPolicyResult(
  data: ArrayLike<number>,
  mask: Uint8Array,
  policy: NanVoxelPolicy,
  imageName: string,
  count: number,
  inRoi: number,
  region: { size: readonly [number, number, number]; box: BoundingBox } | null,
): { mask: Uint8Array; count: number } {
  if (count === 0) return { mask, count };
  if (policy === 'error') {
    throw new TaceError(
      'MISSING_VALUE',
      `image "${imageName}" has ${count} NaN voxel(s) inside the ROI (of ${inRoi} voxels)`,
      {
        param: 'image',
        remedy: "fix the image, or set the setting nanVoxels: 'exclude' to leave NaN voxels out of the ROI",
      },
    );
  }
  if (count === inRoi) {
    throw new TaceError('EMPTY_INPUT', `image "${imageName}": every one of the ${count} ROI voxels is NaN`, {
      param: 'image',
    });
  }
  const out = Uint8Array.from(mask);
  if (region === null) {
    for (let v = 0; v < out.length; v++) if (out[v] !== 0 && Number.isNaN(data[v])) out[v] = 0;
    return { mask: out, count };
  }
  const [nx, ny] = region.size;
  const { lower, size } = region.box;
  for (let k = lower[2]; k < lower[2] + size[2]; k++) {
    for (let j = lower[1]; j < lower[1] + size[1]; j++) {
      const row = nx * (j + ny * k);
      for (let v = row + lower[0]; v < row + lower[0] + size[0]; v++) {
        if (out[v] !== 0 && Number.isNaN(data[v])) out[v] = 0;
      }
    }
  }
  return { mask: out, count };
}
