import { assertFiniteNumber, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { cropArray } from '../preprocess/crop.js';
import type { BoundingBox } from '../preprocess/roi-mask.js';
import { checkFilterInput } from './filter-input.js';
import { regionImage, wholeRegion } from './filter-region.js';
import {
  type RecursiveGaussianCoefficients,
  recursiveFilterAxis,
  recursiveGaussianCoefficients,
} from './recursive-gaussian.js';
import { recursivePass } from './recursive-pass.js';

/** Options of {@link laplacianOfGaussian}. */
export interface LaplacianOfGaussianOptions {
  /**
   * Multiply by `sigma^2` (scale-normalised LoG, ITK `NormalizeAcrossScale`, what PyRadiomics sets). IBSI 2
   * uses the plain LoG (`false`).
   * @default true
   */
  normalizeAcrossScale?: boolean;
  /** Filter each z slice in 2D (no derivative or smoothing along z), as IBSI 2 "2D" configurations. @default false */
  force2D?: boolean;
}

/**
 * Laplacian of Gaussian of `sigma` mm, as SimpleITK `LaplacianRecursiveGaussianImageFilter` with
 * `NormalizeAcrossScale` on (what PyRadiomics' `LoG` image type runs): for each axis, the recursive second
 * derivative along it and recursive smoothing along the others, divided by the squared spacing, summed; the
 * result is multiplied by `sigma^2` (unless `normalizeAcrossScale: false`). Deriche's IIR coefficients and ITK's edge-value boundary are reproduced
 * (`recursive-gaussian.ts`); see the README for the agreement with SimpleITK.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when `sigma <= 0`, an axis has fewer than 4 voxels or fewer than
 *   `ceil(sigma / spacing) + 1` (PyRadiomics skips that sigma); `MISSING_VALUE` for NaN voxels.
 * @example laplacianOfGaussian(image, 3).data
 */
export function laplacianOfGaussian(
  image: Image,
  sigma: number,
  options: LaplacianOfGaussianOptions = {},
): Image {
  return laplacianOfGaussianRegion(image, sigma, wholeRegion(image), options);
}

/**
 * {@link laplacianOfGaussian} on `region` only: the image of `region`'s geometry (as `cropImage` places it)
 * holding the values the whole-image filter gives there, bit for bit (3D: every line is still filtered over
 * its whole length, but the passes after the first along z only on the slices, then the rows, `region`
 * needs). Validation as the whole-image filter.
 */
export function laplacianOfGaussianRegion(
  image: Image,
  sigma: number,
  region: BoundingBox,
  options: LaplacianOfGaussianOptions = {},
): Image {
  assertFiniteNumber(sigma, 'sigma');
  if (sigma <= 0) {
    throw new TaceError('INVALID_ARGUMENT', `sigma must be > 0 mm, but was ${sigma}`, { param: 'sigma' });
  }
  checkFilterInput(image, 'LoG');
  const { size, spacing } = image;
  const axes = (options.force2D === true ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[];
  const normalize = options.normalizeAcrossScale !== false;
  for (const axis of axes) {
    const needed = Math.max(4, Math.ceil(sigma / spacing[axis]) + 1);
    if (size[axis] < needed) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `LoG with sigma ${sigma} mm needs at least ${needed} voxels along axis ${axis}, but the image has ${size[axis]}`,
        { param: 'sigma', remedy: 'use a smaller sigma, or a larger padDistance / no preCrop' },
      );
    }
  }
  const coefficients = (axis: 0 | 1 | 2, order: 0 | 2) =>
    recursiveGaussianCoefficients(sigma, spacing[axis], order, normalize);
  const inverseSquare = spacing.map((s) => 1 / (s * s)) as [number, number, number];
  if (axes.length === 3) {
    return regionImage(image, region, logRegion3D(image.data, size, region, coefficients, inverseSquare));
  }
  const n = image.data.length;
  const total = new Float64Array(n);
  const work = new Float64Array(n);
  for (const axis of axes) {
    work.set(image.data);
    recursiveFilterAxis(work, size, axis, coefficients(axis, 2));
    for (const other of axes)
      if (other !== axis) recursiveFilterAxis(work, size, other, coefficients(other, 0));
    const scale = inverseSquare[axis];
    for (let v = 0; v < n; v++) total[v] += work[v] * scale;
  }
  return regionImage(image, region, cropArray(total, size, region.lower, region.size));
}

/**
 * The 3D LoG D2x Gy Gz + Gx D2y Gz + Gx Gy D2z on `region`, the three terms sharing passes (the filters are
 * linear and act on separate axes): 7 line passes, z first (whole volume, kept on the region's slices), then
 * y (those slices, kept on the region's rows), then x (those rows, kept on the region's columns).
 */
function logRegion3D(
  data: Image['data'],
  size: [number, number, number],
  region: BoundingBox,
  coefficients: (axis: 0 | 1 | 2, order: 0 | 2) => RecursiveGaussianCoefficients,
  [sx, sy, sz]: [number, number, number],
): Float64Array {
  const { lower, size: extent } = region;
  const [gz, dz] = recursivePass(data, size, 2, lower[2], extent[2], [
    coefficients(2, 0),
    coefficients(2, 2),
  ]);
  const slices: [number, number, number] = [size[0], size[1], extent[2]];
  // the passes after the first write their first output over their input (recursivePass inPlace)
  const [total, g] = recursivePass(
    gz,
    slices,
    1,
    lower[1],
    extent[1],
    [coefficients(1, 0), coefficients(1, 2)],
    true,
  );
  const [d] = recursivePass(dz, slices, 1, lower[1], extent[1], [coefficients(1, 0)], true);
  const rows: [number, number, number] = [size[0], extent[1], extent[2]];
  for (let v = 0; v < g.length; v++) g[v] = g[v] * sy + d[v] * sz;
  const [xTotal] = recursivePass(total, rows, 0, lower[0], extent[0], [coefficients(0, 2)], true);
  const [xg] = recursivePass(g, rows, 0, lower[0], extent[0], [coefficients(0, 0)], true);
  for (let v = 0; v < xTotal.length; v++) xTotal[v] = xTotal[v] * sx + xg[v];
  // a view of the first z-pass buffer: copied when that is larger than the region (not to keep it alive)
  return xTotal.length === xTotal.buffer.byteLength / 8 ? xTotal : xTotal.slice();
}

/**
 * PyRadiomics' name of a LoG image: `log-sigma-<sigma>-mm-3D` with the sigma written as Python writes a
 * float and `.` replaced by `-` (`3` -> `log-sigma-3-0-mm-3D`, `0.5` -> `log-sigma-0-5-mm-3D`).
 */
export function logImageName(sigma: number): string {
  const text = Number.isInteger(sigma) ? `${sigma}.0` : String(sigma);
  return `log-sigma-${text.replace('.', '-')}-mm-3D`;
}
