import { TaceError } from '@tace/core';
import type { Image } from '../image/types.js';

/** Bounding box of a ROI: lower index and size per axis (i, j, k). */
export interface BoundingBox {
  /** First index inside the ROI along i, j, k. */
  lower: [number, number, number];
  /** Extent along i, j, k in voxels. */
  size: [number, number, number];
}

/**
 * The binary ROI of `label` in a label image: 1 where `mask.data === label`, else 0.
 * @throws {TaceError} `EMPTY_INPUT` when the mask holds no non-zero label, or not `label` (listing the labels present).
 * @example const roi = selectLabel(labelImage, 1);
 */
export function selectLabel(mask: Image, label: number): Uint8Array {
  const out = new Uint8Array(mask.data.length);
  const present = new Set<number>();
  let count = 0;
  for (let i = 0; i < out.length; i++) {
    const v = mask.data[i]!;
    if (v === label) {
      out[i] = 1;
      count++;
    } else if (v !== 0 && present.size < 50) present.add(v);
  }
  if (count === 0) throw absentLabel(label, present);
  return out;
}

/** The `EMPTY_INPUT` error of a label absent from a label image, listing the (first 50) labels present. */
function absentLabel(label: number, present: Set<number>): TaceError {
  const labels = [...present].sort((a, b) => a - b);
  return new TaceError(
    'EMPTY_INPUT',
    labels.length === 0
      ? 'the mask contains no segmented voxel (all zero)'
      : `label ${label} is not present in the mask; labels present: ${labels.join(', ')}`,
    {
      param: 'label',
      remedy: labels.length === 0 ? 'check the mask file' : 'set label to one of the labels present',
    },
  );
}

/** Sum, minimum and maximum of an image's voxels (in index order; NaN voxels make the sum NaN, not the extremes). */
export interface IntensityRange {
  sum: number;
  min: number;
  max: number;
}

/**
 * {@link selectLabel} and {@link roiStats} of its ROI in one pass over the label image, and with `intensities`
 * (the voxels of the image on the same grid) their {@link IntensityRange} in the same pass: one read of each
 * whole-image array instead of three passes.
 * @throws {TaceError} as {@link selectLabel}.
 */
export function selectLabelStats(
  mask: Image,
  label: number,
  size: readonly [number, number, number],
  intensities: ArrayLike<number> | null = null,
): {
  roi: Uint8Array;
  stats: { box: BoundingBox | null; voxelCount: number };
  range: IntensityRange | null;
} {
  const labels = mask.data;
  const [nx, ny, nz] = size;
  const out = new Uint8Array(labels.length);
  const present = new Set<number>();
  const withRange = intensities !== null;
  const values = intensities ?? labels;
  const bounds = emptyBounds(size);
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let first = -1;
      let last = -1;
      for (let i = 0; i < nx; i++, index++) {
        if (withRange) {
          const x = values[index]!;
          sum += x;
          if (x < min) min = x;
          if (x > max) max = x;
        }
        const v = labels[index]!;
        if (v === label) {
          out[index] = 1;
          count++;
          if (first < 0) first = i;
          last = i;
        } else if (v !== 0 && present.size < 50) present.add(v);
      }
      if (first >= 0) addRow(bounds, first, last, j, k);
    }
  }
  if (count === 0) throw absentLabel(label, present);
  return {
    roi: out,
    stats: { box: boundsBox(bounds), voxelCount: count },
    range: withRange ? { sum, min, max } : null,
  };
}

/** Bounding box and voxel count of the non-zero voxels of a binary mask (one pass); box `null` when empty. */
export function roiStats(
  mask: Uint8Array,
  size: readonly [number, number, number],
): { box: BoundingBox | null; voxelCount: number } {
  const [nx, ny, nz] = size;
  const bounds = emptyBounds(size);
  let voxelCount = 0;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let first = -1;
      let last = -1;
      for (let i = 0; i < nx; i++, index++) {
        if (mask[index] === 0) continue;
        voxelCount++;
        if (first < 0) first = i;
        last = i;
      }
      if (first >= 0) addRow(bounds, first, last, j, k);
    }
  }
  if (voxelCount === 0) return { box: null, voxelCount };
  return { box: boundsBox(bounds), voxelCount };
}

/** Lowest and highest index along i, j, k of the voxels seen so far (`[loI, loJ, loK, hiI, hiJ, hiK]`). */
function emptyBounds(size: readonly [number, number, number]): Int32Array {
  return Int32Array.of(size[0], size[1], size[2], -1, -1, -1);
}

/** Extends `bounds` by the row `(j, k)`, whose ROI voxels lie between `first` and `last` along i. */
function addRow(bounds: Int32Array, first: number, last: number, j: number, k: number): void {
  if (first < bounds[0]!) bounds[0] = first;
  if (j < bounds[1]!) bounds[1] = j;
  if (k < bounds[2]!) bounds[2] = k;
  if (last > bounds[3]!) bounds[3] = last;
  if (j > bounds[4]!) bounds[4] = j;
  if (k > bounds[5]!) bounds[5] = k;
}

/** The {@link BoundingBox} of non-empty `bounds`. */
function boundsBox(bounds: Int32Array): BoundingBox {
  const [loI = 0, loJ = 0, loK = 0, hiI = 0, hiJ = 0, hiK = 0] = bounds;
  return { lower: [loI, loJ, loK], size: [hiI - loI + 1, hiJ - loJ + 1, hiK - loK + 1] };
}

/** Bounding box of the non-zero voxels of a binary mask on a grid of `size`; `null` when empty. */
export function boundingBox(mask: Uint8Array, size: readonly [number, number, number]): BoundingBox | null {
  return roiStats(mask, size).box;
}

/** Options of {@link checkRoi}. */
export interface CheckRoiOptions {
  /** Minimum number of axes along which the ROI spans more than one voxel (PyRadiomics `minimumROIDimensions`). @default 2 */
  minimumROIDimensions?: number;
  /** The ROI must have more than this many voxels, or `null` to skip (PyRadiomics `minimumROISize`). @default null */
  minimumROISize?: number | null;
}

/**
 * Checks a binary ROI as PyRadiomics `checkMask` does and returns its bounding box and voxel count.
 * @throws {TaceError} `EMPTY_INPUT` for an empty or one-voxel ROI, too few dimensions or too few voxels.
 */
export function checkRoi(
  mask: Uint8Array,
  size: readonly [number, number, number],
  options: CheckRoiOptions = {},
): { box: BoundingBox; voxelCount: number } {
  return validateRoi(roiStats(mask, size), options);
}

/**
 * The checks of {@link checkRoi} on already computed {@link roiStats}.
 * @throws {TaceError} as {@link checkRoi}.
 */
export function validateRoi(
  stats: { box: BoundingBox | null; voxelCount: number },
  options: CheckRoiOptions = {},
): { box: BoundingBox; voxelCount: number } {
  const { box, voxelCount } = stats;
  if (box === null) throw new TaceError('EMPTY_INPUT', 'the region of interest is empty', { param: 'mask' });
  const dims = box.size.filter((s) => s > 1).length;
  if (dims === 0) {
    throw new TaceError(
      'EMPTY_INPUT',
      'the region of interest is a single voxel; features cannot be extracted',
      {
        param: 'mask',
        remedy: 'check the segmentation and the label',
      },
    );
  }
  const minDims = options.minimumROIDimensions ?? 2;
  if (dims < minDims) {
    throw new TaceError(
      'EMPTY_INPUT',
      `the region of interest spans ${dims} dimension(s), fewer than minimumROIDimensions = ${minDims}`,
      { param: 'minimumROIDimensions', remedy: 'lower minimumROIDimensions or check the segmentation' },
    );
  }
  const minSize = options.minimumROISize ?? null;
  if (minSize !== null && voxelCount <= minSize) {
    throw new TaceError(
      'EMPTY_INPUT',
      `the region of interest has ${voxelCount} voxels, not more than minimumROISize = ${minSize}`,
      {
        param: 'minimumROISize',
      },
    );
  }
  return { box, voxelCount };
}
