import { TaceError } from '@tace/core';
import type { TextureGrid } from '../features/texture-common/texture-grid.js';
import type { Image } from '../image/types.js';
import { ibsiDiscretize } from '../preprocess/ibsi-discretize.js';
import { ibsiInterpolate, ibsiResegmentInPlace } from '../preprocess/ibsi-interpolate.js';

/** IBSI 1 image processing settings (reference manual, chapter 2; the CT phantom configurations of table 5.1). */
export interface IbsiPrepareSettings {
  /** Voxel spacing after interpolation in mm per axis (`null` keeps an axis, e.g. `[2, 2, null]` in 2D), or null for none. @default null */
  spacing?: readonly (number | null)[] | null;
  /** Image interpolation: trilinear, or cubic B-spline (ITK's, prefiltered) on the same IBSI grid. @default 'linear' */
  interpolation?: 'linear' | 'bspline';
  /** Round interpolated intensities to integers (IBSI, for CT). @default true */
  roundIntensities?: boolean;
  /** The mask is interpolated linearly and kept where it is at least this value. @default 0.5 */
  maskThreshold?: number;
  /** Resegmentation range `[lower, upper]` in image units, or null. @default null */
  range?: readonly [number, number] | null;
  /** Outlier resegmentation: keep `mean +/- outliers * SD` of the ROI (after `range`), or null. @default null */
  outliers?: number | null;
  /** Fixed bin size; bins start at `range[0]` when a range is given, else at the ROI minimum. */
  binWidth?: number;
  /** Fixed bin number (used when `binWidth` is absent). */
  binCount?: number;
}

/** A ROI ready for {@link ibsiTextureFeatures}. */
export interface IbsiPrepared {
  /** Discretised ROI on the (interpolated) grid. */
  grid: TextureGrid;
  /** Number of grey levels `Ng` of the discretisation (bins spanned by the range, or `binCount`). */
  nLevels: number;
  /** The (interpolated, rounded) image the grid lies on. */
  image: Image;
  /** ROI voxels after resegmentation. */
  voxelCount: number;
  /** The intensity mask: 1 for the ROI voxels left after resegmentation. */
  roi: Uint8Array;
  /** The morphological mask: 1 for the ROI voxels after interpolation, before resegmentation. */
  morphologicalMask: Uint8Array;
}

/**
 * IBSI 1 processing of an image and its mask up to discretisation: interpolation on the IBSI grid (image
 * linear or cubic B-spline, rounded; mask linear, thresholded), resegmentation by range then by outliers, IBSI
 * discretisation. With the CT phantom's configurations A-E it reproduces the IBSI reference texture features.
 *
 * @throws {TaceError} `EMPTY_INPUT` when resegmentation leaves no voxel; see {@link ibsiDiscretize}.
 * @example
 * const { grid, nLevels } = ibsiPrepare(ct, mask, { spacing: [2, 2, 2], range: [-1000, 400], binWidth: 25 });
 * ibsiTextureFeatures(grid, 'glcm', '3D, averaged', { nLevels });
 */
export function ibsiPrepare(image: Image, mask: Image, settings: IbsiPrepareSettings = {}): IbsiPrepared {
  const interpolated = ibsiInterpolate(image, mask, settings.spacing ?? null, {
    interpolation: settings.interpolation,
    roundIntensities: settings.roundIntensities,
    maskThreshold: settings.maskThreshold,
  });
  const work = interpolated.image;
  const roi = interpolated.roi;
  const morphologicalMask = Uint8Array.from(roi);
  const voxelCount = ibsiResegmentInPlace(work.data, roi, settings.range ?? null, settings.outliers ?? null);
  if (voxelCount === 0) {
    throw new TaceError('EMPTY_INPUT', 'no ROI voxel is left after interpolation and resegmentation', {
      param: 'mask',
      remedy: 'check the resegmentation range and the mask',
    });
  }
  const lowerBound = settings.range?.[0];
  const { levels, nLevels } = ibsiDiscretize(work.data, roi, {
    binWidth: settings.binWidth,
    binCount: settings.binWidth === undefined ? settings.binCount : undefined,
    lowerBound,
  });
  const rangeLevels =
    settings.binWidth !== undefined && settings.range != null
      ? Math.max(Math.ceil((settings.range[1] - settings.range[0]) / settings.binWidth), nLevels)
      : nLevels;
  return {
    grid: { grayLevels: levels, size: work.size },
    nLevels: rangeLevels,
    image: work,
    voxelCount,
    roi,
    morphologicalMask,
  };
}
