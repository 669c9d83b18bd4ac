import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';

function describe(image: Omit<Image, 'data'>): string {
  const f = (v: readonly number[]) => `(${v.map((x) => Number(x.toPrecision(10))).join(', ')})`;
  return `size ${f(image.size)}, spacing ${f(image.spacing)}, origin ${f(image.origin)}, direction ${f(image.direction)}`;
}

/**
 * True when two grids coincide: same size, and spacing, origin and direction equal within `tolerance`
 * (PyRadiomics `geometryTolerance`, applied as ITK does: relative to the spacing for origin and spacing,
 * absolute for direction cosines).
 */
export function sameGeometry(a: Omit<Image, 'data'>, b: Omit<Image, 'data'>, tolerance = 1e-6): boolean {
  for (let d = 0; d < 3; d++) if (a.size[d] !== b.size[d]) return false;
  const coordTolerance = tolerance * Math.max(...a.spacing);
  for (let d = 0; d < 3; d++) {
    if (Math.abs(a.spacing[d]! - b.spacing[d]!) > coordTolerance) return false;
    if (Math.abs(a.origin[d]! - b.origin[d]!) > coordTolerance) return false;
  }
  for (let d = 0; d < 9; d++) if (Math.abs(a.direction[d]! - b.direction[d]!) > tolerance) return false;
  return true;
}

/**
 * Checks that a mask lies on the image grid.
 * @throws {TaceError} `GEOMETRY_MISMATCH` printing both geometries.
 */
export function assertSameGeometry(
  image: Omit<Image, 'data'>,
  mask: Omit<Image, 'data'>,
  tolerance = 1e-6,
): void {
  if (sameGeometry(image, mask, tolerance)) return;
  throw new TaceError(
    'GEOMETRY_MISMATCH',
    `image and mask grids differ (tolerance ${tolerance}): image ${describe(image)}; mask ${describe(mask)}`,
    {
      param: 'mask',
      remedy:
        'check that the mask belongs to this image; raise geometryTolerance for rounding differences, or set correctMask: true to resample the mask onto the image grid',
    },
  );
}
