import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';

/**
 * Checks that an image can be filtered: voxel count matching `size`, no NaN / infinite voxel.
 * Returns the largest absolute intensity.
 * @throws {TaceError} `LENGTH_MISMATCH`; `MISSING_VALUE` for NaN or infinite voxels (filters would spread them).
 */
export function checkFilterInput(image: Image, filter: string): number {
  const [nx, ny, nz] = image.size;
  if (image.data.length !== nx * ny * nz) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `image data has length ${image.data.length} but size ${image.size.join(' x ')} needs ${nx * ny * nz}`,
      { param: 'image' },
    );
  }
  let maxAbs = 0;
  let bad = 0;
  for (let v = 0; v < image.data.length; v++) {
    const x = image.data[v];
    if (!Number.isFinite(x)) bad++;
    else if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
  }
  if (bad > 0) {
    throw new TaceError('MISSING_VALUE', `${filter}: the image has ${bad} NaN or infinite voxels`, {
      param: 'image',
      remedy: 'replace missing voxels (e.g. with the background value) before filtering',
    });
  }
  return maxAbs;
}

/** A copy of `image`'s geometry with new voxel values. */
export function withData(image: Image, data: Float64Array): Image {
  return {
    data,
    size: [...image.size],
    spacing: [...image.spacing],
    origin: [...image.origin],
    direction: [...image.direction],
  };
}
