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
  if (count === 0) {
    const labels = [...present].sort((a, b) => a - b);
    throw new TaceError(
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
  return out;
}

/** Bounding box and voxel count of the non-zero voxels of a binary mask (one pass); box `null` when empty. */
export function roiStats(
  mask: Uint8Array,
  size: readonly [number, number, number],
): { box: BoundingBox | null; voxelCount: number } {
  const [nx, ny, nz] = size;
  let loI = nx;
  let loJ = ny;
  let loK = nz;
  let hiI = -1;
  let hiJ = -1;
  let hiK = -1;
  let voxelCount = 0;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let rowHas = false;
      for (let i = 0; i < nx; i++, index++) {
        if (mask[index] === 0) continue;
        voxelCount++;
        rowHas = true;
        if (i < loI) loI = i;
        if (i > hiI) hiI = i;
      }
      if (rowHas) {
        if (j < loJ) loJ = j;
        if (j > hiJ) hiJ = j;
        if (k < loK) loK = k;
        if (k > hiK) hiK = k;
      }
    }
  }
  if (voxelCount === 0) return { box: null, voxelCount };
  return { box: { lower: [loI, loJ, loK], size: [hiI - loI + 1, hiJ - loJ + 1, hiK - loK + 1] }, voxelCount };
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
