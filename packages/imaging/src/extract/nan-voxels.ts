import { TaceError } from '@tace/core';
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
  for (let v = 0; v < out.length; v++) if (out[v] !== 0 && Number.isNaN(data[v])) out[v] = 0;
  return { mask: out, count };
}
