import { assertFiniteNumber, assertInteger, assertOneOf, TaceError } from '@tace/core';
import type { RoiLabel } from './roi.js';

/** Options shared by {@link tumorCrop3d}, {@link cropPhases} and {@link sliceStack2d}. */
export interface CropOptions {
  /** Crop size in voxels along [x, y, z] (for slice stacks z = adjacent slices per sample). @default [32, 32, 32] */
  size?: [number, number, number];
  /** Crop voxel spacing in mm along [x, y, z]; the image is resampled (trilinear) onto it. @default [1, 1, 1] */
  spacing?: [number, number, number];
  /** Crop center: ROI center of mass or bounding-box center. @default 'centroid' */
  center?: 'centroid' | 'bbox';
  /**
   * Value of crop voxels that fall outside the volume (the crop is never shifted to stay inside: the tumour
   * stays centred and the border is padded). In HU for CT; -1024 is air. @default -1024
   */
  padValue?: number;
  /** Mask label forming the ROI; `null` takes every non-zero label (PyRadiomics `label` = 1 by default). @default null */
  label?: RoiLabel;
}

/** Validated {@link CropOptions} with defaults filled. */
export type ResolvedCropOptions = Required<CropOptions>;

/** Fills defaults and validates crop options. @throws {TaceError} `INVALID_ARGUMENT`. */
export function resolveCropOptions(options: CropOptions): ResolvedCropOptions {
  const {
    size = [32, 32, 32],
    spacing = [1, 1, 1],
    center = 'centroid',
    padValue = -1024,
    label = null,
  } = options;
  if (!Array.isArray(size) || size.length !== 3) {
    throw new TaceError('INVALID_ARGUMENT', 'size must be [x, y, z] voxels', { param: 'size' });
  }
  if (!Array.isArray(spacing) || spacing.length !== 3) {
    throw new TaceError('INVALID_ARGUMENT', 'spacing must be [x, y, z] mm', { param: 'spacing' });
  }
  for (let a = 0; a < 3; a++) {
    assertInteger(size[a], `size[${a}]`, 1);
    assertFiniteNumber(spacing[a], `spacing[${a}]`);
    if (spacing[a] <= 0) {
      throw new TaceError('INVALID_ARGUMENT', `spacing[${a}] must be positive, but was ${spacing[a]}`, {
        param: 'spacing',
      });
    }
  }
  assertOneOf(center, 'center', ['centroid', 'bbox'] as const);
  assertFiniteNumber(padValue, 'padValue');
  if (label !== null) assertInteger(label, 'label', 1);
  return { size, spacing, center, padValue, label };
}
