import { assertFiniteNumber, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { recursiveFilterAxis, recursiveGaussianCoefficients } from './recursive-gaussian.js';

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
  const n = image.data.length;
  const coefficients = (axis: 0 | 1 | 2, order: 0 | 2) =>
    recursiveGaussianCoefficients(sigma, spacing[axis], order, normalize);
  const inverseSquare = spacing.map((s) => 1 / (s * s));
  const total = new Float64Array(n);
  if (axes.length === 3) {
    // The three terms D2x Gy Gz + Gx D2y Gz + Gx Gy D2z share passes (the filters are linear and act on
    // separate axes, so they commute): 7 line passes instead of 9, the same values up to rounding.
    const gz = new Float64Array(n);
    gz.set(image.data);
    const dz = Float64Array.from(gz);
    recursiveFilterAxis(gz, size, 2, coefficients(2, 0));
    recursiveFilterAxis(dz, size, 2, coefficients(2, 2));
    total.set(gz);
    recursiveFilterAxis(total, size, 1, coefficients(1, 0));
    recursiveFilterAxis(total, size, 0, coefficients(0, 2));
    recursiveFilterAxis(gz, size, 1, coefficients(1, 2));
    recursiveFilterAxis(dz, size, 1, coefficients(1, 0));
    const [sx, sy, sz] = inverseSquare as [number, number, number];
    for (let v = 0; v < n; v++) {
      total[v] *= sx;
      gz[v] = gz[v] * sy + dz[v] * sz;
    }
    recursiveFilterAxis(gz, size, 0, coefficients(0, 0));
    for (let v = 0; v < n; v++) total[v] += gz[v];
    return withData(image, total);
  }
  const work = new Float64Array(n);
  for (const axis of axes) {
    work.set(image.data);
    recursiveFilterAxis(work, size, axis, coefficients(axis, 2));
    for (const other of axes)
      if (other !== axis) recursiveFilterAxis(work, size, other, coefficients(other, 0));
    const scale = inverseSquare[axis];
    for (let v = 0; v < n; v++) total[v] += work[v] * scale;
  }
  return withData(image, total);
}

/**
 * PyRadiomics' name of a LoG image: `log-sigma-<sigma>-mm-3D` with the sigma written as Python writes a
 * float and `.` replaced by `-` (`3` -> `log-sigma-3-0-mm-3D`, `0.5` -> `log-sigma-0-5-mm-3D`).
 */
export function logImageName(sigma: number): string {
  const text = Number.isInteger(sigma) ? `${sigma}.0` : String(sigma);
  return `log-sigma-${text.replace('.', '-')}-mm-3D`;
}
