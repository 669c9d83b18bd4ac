import { TaceError } from '@tace/core';
import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import type { TextureGrid } from '../texture-common/texture-grid.js';
import {
  neighborPad,
  neighborSteps,
  type TextureVolume,
  textureVolume,
} from '../texture-common/texture-volume.js';
import { angleDistance, type WeightingNorm } from '../texture-common/weighting.js';

/** Largest GLCM accepted, in cells (2^26, 512 MB of doubles): about 2,270 grey levels present over 13 angles. */
export const GLCM_MAX_CELLS = 2 ** 26;

/** Options of {@link glcmMatrix}. */
export interface GlcmOptions extends NeighborOptions {
  /** Count each pair in both directions (PyRadiomics `symmetricalGLCM`). @default true */
  symmetrical?: boolean;
  /**
   * Merge the angles into one matrix weighted by `exp(-distance^2)` (distance in mm under this norm;
   * `'no_weighting'`: weight 1), instead of one matrix per angle (PyRadiomics `weightingNorm`).
   * @default null
   */
  weightingNorm?: WeightingNorm | null;
  /** Voxel spacing in mm along x, y, z; only used by `weightingNorm`. @default [1, 1, 1] */
  spacing?: readonly [number, number, number];
}

/** Grey level co-occurrence matrices, one per kept angle. */
export interface GlcmMatrix {
  /**
   * Normalised co-occurrences `p(i, j | angle)`, layout `[angle][i][j]`
   * (`values[(a * nLevels + i) * nLevels + j]`); each angle sums to 1 (NaN when it has no pair).
   */
  values: Float64Array;
  /** Number of rows / columns: the grey levels present in the ROI (empty levels are dropped, as PyRadiomics). */
  nLevels: number;
  /** Number of angles kept (angles without any pair are dropped; 1 when merged by `weightingNorm`). */
  nAngles: number;
  /** Grey level of each row / column. */
  grayLevels: Float64Array;
  /** Highest grey level (PyRadiomics `Ng`, used by Idmn / Idn). */
  maxLevel: number;
  /** Offsets `(di, dj, dk)` of the kept angles, flattened (all angles when merged). */
  angles: Int32Array;
}

/**
 * Grey level co-occurrence matrix (GLCM) of a discretised ROI, as PyRadiomics `RadiomicsGLCM.P_glcm`: pairs of
 * ROI voxels at each offset of {@link generateAngles} (13 directions in 3D for distance 1, 4 with `force2D`),
 * made symmetrical, grey levels absent from the ROI removed, empty angles removed, each angle normalised.
 * One pass over the ROI voxels ({@link glcmOfVolume}).
 *
 * Matches PyRadiomics' `brain1/brain2/breast1_glcm.npy` to 1e-12.
 * @throws {TaceError} see `roiLevels`; `INVALID_ARGUMENT` when the matrix would exceed {@link GLCM_MAX_CELLS}.
 * @example
 * const m = glcmMatrix({ grayLevels: Int32Array.from([1, 2, 2, 1]), size: [4, 1, 1] });
 * // m.nAngles === 1, p = [[0, 0.5], [0.5, 0]] scaled by symmetry: [[0, 1/3], ...]
 */
export function glcmMatrix(grid: TextureGrid, options: GlcmOptions = {}): GlcmMatrix {
  const angles = generateAngles(grid.size, { ...options, bidirectional: false });
  return glcmOfVolume(textureVolume(grid, neighborPad(angles)), angles, options);
}

/**
 * {@link glcmMatrix} of a prepared {@link TextureVolume} (padded for `angles`) and the `angles` of
 * `generateAngles` (one direction per pair): one pass over the ROI voxels, each reading its neighbours by a
 * linear step.
 * @throws {TaceError} `INVALID_ARGUMENT` when the matrix would exceed {@link GLCM_MAX_CELLS}.
 */
export function glcmOfVolume(
  volume: TextureVolume,
  angles: Int32Array,
  options: GlcmOptions = {},
): GlcmMatrix {
  const { roi, levels: pg, voxels } = volume;
  const na = angles.length / 3;
  const ng = roi.levels.length;
  const ng2 = ng * ng;
  if (ng2 * na > GLCM_MAX_CELLS) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `the GLCM would have ${ng} x ${ng} x ${na} cells (${ng} grey levels present), more than ${GLCM_MAX_CELLS}`,
      { param: 'grayLevels', remedy: 'discretise with a larger binWidth or a binCount' },
    );
  }
  const counts = new Float64Array(na * ng2);
  const steps = neighborSteps(volume, angles);
  const row = roi.row;
  for (let n = 0; n < voxels.length; n++) {
    const v = voxels[n];
    const ri = row[pg[v]] * ng;
    for (let a = 0, base = ri; a < na; a++, base += ng2) {
      const gj = pg[v + steps[a]];
      if (gj !== 0) counts[base + row[gj]]++;
    }
  }
  if (options.symmetrical !== false) {
    for (let a = 0; a < na; a++) {
      const base = a * ng2;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) {
          const s = counts[base + i * ng + j] + counts[base + j * ng + i];
          counts[base + i * ng + j] = s;
          counts[base + j * ng + i] = s;
        }
      }
    }
  }
  const grayLevelValues = Float64Array.from(roi.levels);
  const norm = options.weightingNorm ?? null;
  if (norm !== null) {
    const merged = new Float64Array(ng2);
    const spacing = options.spacing ?? [1, 1, 1];
    for (let a = 0; a < na; a++) {
      const d = angleDistance(angles, a, spacing, norm);
      const w = norm === 'no_weighting' ? 1 : Math.exp(-d * d);
      for (let k = 0; k < ng2; k++) merged[k] += w * counts[a * ng2 + k];
    }
    normalize(merged, 0, ng2);
    return {
      values: merged,
      nLevels: ng,
      nAngles: 1,
      grayLevels: grayLevelValues,
      maxLevel: roi.maxLevel,
      angles,
    };
  }
  return keepNonEmptyAngles(counts, ng2, angles, (values, nAngles, kept) => ({
    values,
    nLevels: ng,
    nAngles,
    grayLevels: grayLevelValues,
    maxLevel: roi.maxLevel,
    angles: kept,
  }));
}

/** Divides `values[start, start + length)` by its sum (NaN when the sum is 0). */
function normalize(values: Float64Array, start: number, length: number): void {
  let sum = 0;
  for (let k = start; k < start + length; k++) sum += values[k];
  // Divide (not multiply by 1 / sum): a flat region must give p = 1 exactly, as numpy does.
  for (let k = start; k < start + length; k++) values[k] = sum === 0 ? Number.NaN : values[k] / sum;
}

/**
 * Drops the angles whose block of `blockSize` counts is all zero and normalises the others, as PyRadiomics
 * deletes empty angles before normalising.
 */
function keepNonEmptyAngles<T>(
  counts: Float64Array,
  blockSize: number,
  angles: Int32Array,
  build: (values: Float64Array, nAngles: number, kept: Int32Array) => T,
): T {
  const na = angles.length / 3;
  const keep: number[] = [];
  for (let a = 0; a < na; a++) {
    let sum = 0;
    for (let k = a * blockSize; k < (a + 1) * blockSize; k++) sum += counts[k];
    if (sum > 0) keep.push(a);
  }
  const values = new Float64Array(keep.length * blockSize);
  const kept = new Int32Array(keep.length * 3);
  keep.forEach((a, b) => {
    values.set(counts.subarray(a * blockSize, (a + 1) * blockSize), b * blockSize);
    kept.set(angles.subarray(3 * a, 3 * a + 3), 3 * b);
    normalize(values, b * blockSize, blockSize);
  });
  return build(values, keep.length, kept);
}
