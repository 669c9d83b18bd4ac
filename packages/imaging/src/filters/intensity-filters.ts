import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';

function nonZeroMax(image: Image, filter: string): number {
  const maxAbs = checkFilterInput(image, filter);
  if (maxAbs === 0) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${filter}: the image is 0 everywhere, its scaling is undefined`,
      {
        param: 'image',
        remedy: 'check the image; PyRadiomics would return NaN voxels here',
      },
    );
  }
  return maxAbs;
}

/**
 * PyRadiomics `Square` image type: `f(x) = (c x)^2` with `c = 1 / sqrt(max |x|)`, so that the result spans the
 * original range. Name `square`.
 * @throws {TaceError} `MISSING_VALUE` for NaN voxels, `INVALID_ARGUMENT` for an all-zero image.
 * @example squareImage(image).data // x^2 / max|x|
 */
export function squareImage(image: Image): Image {
  const c = 1 / Math.sqrt(nonZeroMax(image, 'square'));
  return withData(
    image,
    Float64Array.from(image.data, (x) => (c * x) ** 2),
  );
}

/**
 * PyRadiomics `SquareRoot` image type: `sqrt(c x)` for x >= 0 and `-sqrt(-c x)` for x < 0, `c = max |x|`.
 * Name `squareroot`.
 * @throws {TaceError} as {@link squareImage}.
 * @example squareRootImage(image)
 */
export function squareRootImage(image: Image): Image {
  const c = nonZeroMax(image, 'squareroot');
  return withData(
    image,
    Float64Array.from(image.data, (x) => (x > 0 ? Math.sqrt(x * c) : x < 0 ? -Math.sqrt(-x * c) : 0)),
  );
}

/**
 * PyRadiomics `Logarithm` image type: `log(x + 1)` for x > 0, `-log(1 - x)` for x < 0, then scaled so that
 * `max |f| = max |x|`. Name `logarithm`.
 * @throws {TaceError} as {@link squareImage}.
 * @example logarithmImage(image)
 */
export function logarithmImage(image: Image): Image {
  const maxAbs = nonZeroMax(image, 'logarithm');
  const out = Float64Array.from(image.data, (x) =>
    x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(-(x - 1)) : 0,
  );
  let maxOut = 0;
  for (const y of out) maxOut = Math.max(maxOut, Math.abs(y));
  const scale = maxAbs / maxOut;
  for (let v = 0; v < out.length; v++) out[v] *= scale;
  return withData(image, out);
}

/**
 * PyRadiomics `Exponential` image type: `exp(c x)` with `c = log(max |x|) / max |x|`. Name `exponential`.
 * @throws {TaceError} as {@link squareImage}.
 * @example exponentialImage(image)
 */
export function exponentialImage(image: Image): Image {
  const maxAbs = nonZeroMax(image, 'exponential');
  const c = Math.log(maxAbs) / maxAbs;
  return withData(
    image,
    Float64Array.from(image.data, (x) => Math.exp(c * x)),
  );
}
