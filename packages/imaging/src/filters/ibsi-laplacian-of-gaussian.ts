import { assertFiniteNumber, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { convolveAxisMirror } from './mirror-convolution.js';

/** Options of {@link ibsiLaplacianOfGaussian}. */
export interface IbsiLaplacianOfGaussianOptions {
  /** Kernel half-width in standard deviations: `floor(truncate * sigma / spacing + 0.5)` voxels (IBSI 2 "4 sigma"). @default 4 */
  truncate?: number;
  /** Filter each z slice in 2D (IBSI 2 configurations "A"). @default false */
  force2D?: boolean;
}

/**
 * Laplacian of Gaussian as the IBSI 2 reference manual defines it (section 2.3, IBSI 2 configurations 3.A /
 * 3.B): the sampled kernel `g(k) = -1/s^2 (1/(s sqrt(2 pi)))^D (D - |k|^2/s^2) exp(-|k|^2 / (2 s^2))` on the
 * voxel grid, with `s = sigma / spacing` in voxels (so the response is the Laplacian with respect to voxel
 * indices: on a grid of `h` mm it is the millimetre Laplacian times `h^2`), truncated to a cube of half-width
 * `floor(truncate * s + 0.5)` voxels, not scale-normalised, mirror padding ({@link mirrorIndex}). `D` is 2 with
 * `force2D` (in-plane, slice by slice) and 3 otherwise. The kernel is applied exactly as the sum over axes of
 * separable products (second derivative along one axis, Gaussian along the others).
 *
 * This differs from {@link laplacianOfGaussian} (PyRadiomics / ITK recursive filter, millimetre Laplacian).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when `sigma <= 0` or `truncate <= 0`; `MISSING_VALUE` for NaN voxels.
 * @example ibsiLaplacianOfGaussian(image, 1.5, { force2D: true }).data
 */
export function ibsiLaplacianOfGaussian(
  image: Image,
  sigma: number,
  options: IbsiLaplacianOfGaussianOptions = {},
): Image {
  assertFiniteNumber(sigma, 'sigma');
  const truncate = options.truncate ?? 4;
  assertFiniteNumber(truncate, 'truncate');
  if (sigma <= 0 || truncate <= 0) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `sigma and truncate must be > 0, but were ${sigma} and ${truncate}`,
      {
        param: sigma <= 0 ? 'sigma' : 'truncate',
      },
    );
  }
  checkFilterInput(image, 'LoG');
  const { size, spacing } = image;
  const axes = (options.force2D === true ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[];
  const smooth: Float64Array[] = [];
  const second: Float64Array[] = [];
  for (const axis of axes) {
    const s = sigma / spacing[axis];
    const radius = Math.floor(truncate * s + 0.5);
    const g = new Float64Array(2 * radius + 1);
    const g2 = new Float64Array(2 * radius + 1);
    for (let k = -radius; k <= radius; k++) {
      const value = Math.exp((-k * k) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
      g[k + radius] = value;
      g2[k + radius] = (value * (k * k - s * s)) / (s * s * s * s);
    }
    smooth[axis] = g;
    second[axis] = g2;
  }
  const n = image.data.length;
  const total = new Float64Array(n);
  const input = Float64Array.from(image.data);
  for (const axis of axes) {
    let work = convolveAxisMirror(input, size, axis, second[axis]);
    for (const other of axes) if (other !== axis) work = convolveAxisMirror(work, size, other, smooth[other]);
    for (let v = 0; v < n; v++) total[v] += work[v];
  }
  return withData(image, total);
}
