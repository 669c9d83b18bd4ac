import { assertInteger, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { convolveAxisMirror } from './mirror-convolution.js';

/**
 * IBSI 2 mean filter (reference manual, 2.2; configurations 2.A / 2.B): the mean over a cube (a square in
 * plane with `force2D`) of `support` voxels per side, mirror padding, as separable box filters.
 * @throws {TaceError} `INVALID_ARGUMENT` for an even or non-positive support; `MISSING_VALUE` for NaN voxels.
 * @example ibsiMeanFilter(image, { support: 5, force2D: true }).data
 */
export function ibsiMeanFilter(image: Image, options: { support?: number; force2D?: boolean } = {}): Image {
  const support = options.support ?? 5;
  assertInteger(support, 'support', 1);
  if (support % 2 === 0) {
    throw new TaceError('INVALID_ARGUMENT', `support must be odd, but was ${support}`, { param: 'support' });
  }
  checkFilterInput(image, 'mean');
  const kernel = new Float64Array(support).fill(1 / support);
  let data: Float64Array = Float64Array.from(image.data);
  for (const axis of (options.force2D === true ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[]) {
    data = convolveAxisMirror(data, image.size, axis, kernel);
  }
  return withData(image, data);
}
