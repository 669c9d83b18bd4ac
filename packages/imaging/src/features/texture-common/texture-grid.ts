import { TaceError } from '@tace/core';
import { MAX_BINS } from '../../preprocess/discretize.js';

/**
 * A discretised region of interest: the input of every texture matrix.
 *
 * `grayLevels[i + size[0] * (j + size[1] * k)]` is the grey level (1, 2, ...) of voxel (i, j, k) inside the
 * ROI and 0 outside, x fastest as {@link Image}. Produced by discretisation (`RoiContext.grayLevels`).
 */
export interface TextureGrid {
  /** Grey level per voxel, 1-based inside the ROI, 0 outside. */
  grayLevels: Int32Array;
  /** Number of voxels along x, y, z. */
  size: readonly [number, number, number];
}

/** The grey levels present in a ROI, with the row each level takes in a matrix. */
export interface RoiLevels {
  /** Present grey levels, increasing (PyRadiomics `coefficients['grayLevels']`). */
  levels: Int32Array;
  /** `row[g]` is the matrix row of grey level g, or -1 when g is absent; length `maxLevel + 1`. */
  row: Int32Array;
  /** Highest grey level present (PyRadiomics `Ng`). */
  maxLevel: number;
  /** Number of ROI voxels (PyRadiomics `Np`). */
  voxelCount: number;
}

/**
 * Largest accepted grey level (10^4): more bins than this come from a bin width far too small for the
 * intensity range, and the matrices would not fit in memory.
 */
export const MAX_GRAY_LEVEL = MAX_BINS;

/**
 * Checks a {@link TextureGrid} and lists its grey levels, in one pass.
 *
 * @throws {TaceError} `LENGTH_MISMATCH` when `grayLevels.length` is not the product of `size`;
 *   `INVALID_ARGUMENT` for a negative level or one above {@link MAX_GRAY_LEVEL};
 *   `EMPTY_INPUT` when no voxel is in the ROI.
 */
export function roiLevels(grid: TextureGrid): RoiLevels {
  const { grayLevels, size } = grid;
  const n = size[0] * size[1] * size[2];
  if (grayLevels.length !== n) {
    throw new TaceError(
      'LENGTH_MISMATCH',
      `grayLevels has length ${grayLevels.length} but size ${size.join(' x ')} needs ${n}`,
      { param: 'grayLevels', remedy: 'pass one grey level per voxel of the grid, x fastest' },
    );
  }
  let maxLevel = 0;
  let voxelCount = 0;
  for (let v = 0; v < n; v++) {
    const g = grayLevels[v];
    if (g === 0) continue;
    if (g < 0 || g > MAX_GRAY_LEVEL) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `grey level at voxel ${v} must be in [0, ${MAX_GRAY_LEVEL}], but was ${g}`,
        {
          param: 'grayLevels',
          remedy: 'discretise with a larger binWidth, or with a binCount (PyRadiomics uses 16 to 128 bins)',
        },
      );
    }
    voxelCount++;
    if (g > maxLevel) maxLevel = g;
  }
  if (voxelCount === 0) {
    throw new TaceError('EMPTY_INPUT', 'the region of interest holds no voxel (every grey level is 0)', {
      param: 'grayLevels',
      remedy: 'check the mask label and that the mask overlaps the image',
    });
  }
  const present = new Uint8Array(maxLevel + 1);
  for (let v = 0; v < n; v++) present[grayLevels[v]] = 1;
  const row = new Int32Array(maxLevel + 1).fill(-1);
  let count = 0;
  for (let g = 1; g <= maxLevel; g++) if (present[g] === 1) row[g] = count++;
  const levels = new Int32Array(count);
  for (let g = 1; g <= maxLevel; g++) if (row[g] >= 0) levels[row[g]] = g;
  return { levels, row, maxLevel, voxelCount };
}
