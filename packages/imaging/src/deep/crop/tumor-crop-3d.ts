import { TaceError } from '@tace/core';
import type { Image } from '../../image/types.js';
import { type CropOptions, resolveCropOptions } from './crop-options.js';
import { assertMaskOnGrid, type Grid, gridAround, sampleOnGrid } from './grid.js';
import { roiCenter } from './roi.js';

/** Phases cropped on one grid by {@link cropPhases}. */
export interface PhaseCrops {
  /** The crop grid (first phase's orientation, target spacing, centred on the ROI). */
  grid: Grid;
  /** Voxels, phase-major: `data[p * V + v]` with V = voxels per crop, x fastest ([C, z, y, x]). */
  data: Float32Array;
  /** Number of phases (channels). */
  channels: number;
}

/**
 * A tumour-centred 3D patch: the grid of `size` voxels at `spacing` mm, oriented as the image and centred on
 * the ROI (center of mass or bounding-box center, in mm), sampled from `image` by trilinear interpolation.
 * Resampling and cropping happen in one step, so memory is the crop's, not a resampled volume's. Voxels of
 * the crop outside the volume get `padValue` (the crop is not shifted at volume borders).
 *
 * @param mask - label image on the grid of `image`.
 * @returns the crop as an `Image` with `Float32Array` data.
 * @throws {TaceError} `GEOMETRY_MISMATCH` (mask not on the image grid), `EMPTY_INPUT` (empty ROI),
 * `INVALID_ARGUMENT` (options).
 * @example
 * ```ts
 * const crop = tumorCrop3d(ct, mask, { size: [32, 32, 32], spacing: [2, 2, 2] });
 * crop.data.length; // 32768
 * ```
 */
export function tumorCrop3d(image: Image, mask: Image, options: CropOptions = {}): Image {
  const { grid, data } = cropPhases([image], mask, options);
  return { ...grid, data };
}

/**
 * Multi-phase crops on one grid: the crop grid is built from the first phase (its orientation, the ROI of
 * `mask`, which must lie on the first phase's grid) and every phase is sampled at the same physical
 * points. This is equivalent to resampling all phases onto the first phase's grid and cropping, with one
 * interpolation instead of two; phases may have any size, spacing, origin and orientation.
 *
 * @throws {TaceError} as {@link tumorCrop3d}; `EMPTY_INPUT` when `phases` is empty.
 * @example
 * ```ts
 * const { data, channels } = cropPhases([arterial, portalVenous], mask, { size: [32, 32, 32], spacing: [2, 2, 2] });
 * ```
 */
export function cropPhases(phases: readonly Image[], mask: Image, options: CropOptions = {}): PhaseCrops {
  if (phases.length === 0) throw new TaceError('EMPTY_INPUT', 'no phase to crop', { param: 'phases' });
  const resolved = resolveCropOptions(options);
  assertMaskOnGrid(phases[0], mask);
  const center = roiCenter(mask, resolved.center, resolved.label);
  const grid = gridAround(center, resolved.size, resolved.spacing, phases[0].direction);
  const voxels = resolved.size[0] * resolved.size[1] * resolved.size[2];
  const data = new Float32Array(voxels * phases.length);
  phases.forEach((phase, p) => {
    sampleOnGrid(phase, grid, resolved.padValue, data.subarray(p * voxels, (p + 1) * voxels));
  });
  return { grid, data, channels: phases.length };
}
