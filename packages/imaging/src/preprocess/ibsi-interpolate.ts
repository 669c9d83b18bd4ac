import { assertInRange } from '@tace/core';
import type { Image } from '../image/types.js';
import { ibsiResample } from './ibsi-resample.js';
import { resampleToReference } from './resample.js';

/** Options of {@link ibsiInterpolate}. */
export interface IbsiInterpolateOptions {
  /** Image interpolation on the IBSI grid: trilinear, cubic B-spline (ITK's, prefiltered) or nearest neighbour. @default 'linear' */
  interpolation?: 'linear' | 'bspline' | 'nearest';
  /** Round interpolated intensities to integers (IBSI, for CT). @default true */
  roundIntensities?: boolean;
  /** The mask is interpolated linearly and kept where it is at least this value. @default 0.5 */
  maskThreshold?: number;
  /** Largest number of voxels of the new grid, checked before allocating. @default DEFAULT_MAX_VOXELS (2^27) */
  maxVoxels?: number;
}

/**
 * IBSI 1 interpolation (reference manual, 2.4) of an image and its ROI: both go to the grid of
 * {@link ibsiResample} (grid centres aligned); the image by `interpolation` (then rounded), the ROI (non-zero
 * voxels of `mask`) linearly, kept where the interpolated value is at least `maskThreshold`. `spacing` in mm per
 * axis, `null` keeps an axis; `spacing = null` only converts (no interpolation).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-positive spacing or a threshold outside [0, 1].
 * @example const { image, roi } = ibsiInterpolate(ct, mask, [2, 2, 2]);
 */
export function ibsiInterpolate(
  image: Image,
  mask: Image | { data: ArrayLike<number> },
  spacing: readonly (number | null)[] | null,
  options: IbsiInterpolateOptions = {},
): { image: Image; roi: Uint8Array } {
  const threshold = options.maskThreshold ?? 0.5;
  assertInRange(threshold, 'maskThreshold', 0, 1);
  let work: Image = { ...image, data: Float64Array.from(image.data) };
  let roiImage: Image = { ...image, data: Float64Array.from(mask.data, (m) => (m !== 0 ? 1 : 0)) };
  if (spacing != null) {
    roiImage = ibsiResample(roiImage, spacing, { maxVoxels: options.maxVoxels });
    const interpolation = options.interpolation ?? 'linear';
    work =
      interpolation === 'linear'
        ? ibsiResample(work, spacing, { maxVoxels: options.maxVoxels })
        : resampleToReference(
            work,
            roiImage,
            interpolation === 'bspline' ? 'sitkBSpline' : 'sitkNearestNeighbor',
          );
    if (options.roundIntensities !== false) work = { ...work, data: work.data.map((x) => Math.round(x)) };
  }
  const roi = Uint8Array.from(roiImage.data, (m) => (m >= threshold ? 1 : 0));
  return { image: work, roi };
}

/**
 * IBSI 1 resegmentation (reference manual, 2.5), in place on `roi`: voxels outside the closed `range` leave
 * the ROI, then (when `outliers` is set) those outside `mean +/- outliers * SD` (population SD of the voxels
 * kept so far). NaN voxels are kept (the caller's NaN policy
 * decides). Returns the number of voxels left.
 * @example ibsiResegmentInPlace(image.data, roi, [-1000, 400], 3)
 */
export function ibsiResegmentInPlace(
  data: ArrayLike<number>,
  roi: Uint8Array,
  range: readonly [number, number] | null,
  outliers: number | null,
): number {
  let [lo, hi] = range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const filter = () => {
    let kept = 0;
    for (let v = 0; v < roi.length; v++) {
      if (roi[v] === 0) continue;
      if (data[v] < lo || data[v] > hi) roi[v] = 0;
      else kept++;
    }
    return kept;
  };
  let kept = filter();
  if (outliers != null && kept > 0) {
    let sum = 0;
    let squares = 0;
    for (let v = 0; v < roi.length; v++) {
      if (roi[v] === 0) continue;
      sum += data[v];
      squares += data[v] * data[v];
    }
    const mean = sum / kept;
    const sd = Math.sqrt(Math.max(squares / kept - mean * mean, 0));
    lo = mean - outliers * sd;
    hi = mean + outliers * sd;
    kept = filter();
  }
  return kept;
}
