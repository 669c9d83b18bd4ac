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

/** Bounding box of the non-zero voxels of a binary mask on a grid of `size`; `null` when empty. */
export function boundingBox(mask: Uint8Array, size: readonly [number, number, number]): BoundingBox | null {
  const [nx, ny, nz] = size;
  const lo = [nx, ny, nz];
  const hi = [-1, -1, -1];
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, index++) {
        if (mask[index] === 0) continue;
        if (i < lo[0]!) lo[0] = i;
        if (i > hi[0]!) hi[0] = i;
        if (j < lo[1]!) lo[1] = j;
        if (j > hi[1]!) hi[1] = j;
        if (k < lo[2]!) lo[2] = k;
        if (k > hi[2]!) hi[2] = k;
      }
    }
  }
  if (hi[0]! < 0) return null;
  return {
    lower: [lo[0]!, lo[1]!, lo[2]!],
    size: [hi[0]! - lo[0]! + 1, hi[1]! - lo[1]! + 1, hi[2]! - lo[2]! + 1],
  };
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
  const box = boundingBox(mask, size);
  if (box === null) throw new TaceError('EMPTY_INPUT', 'the region of interest is empty', { param: 'mask' });
  let voxelCount = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) voxelCount++;
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
