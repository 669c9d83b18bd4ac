import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import type { NeighborSums } from '../texture-common/neighbor-sums.js';
import type { TextureGrid } from '../texture-common/texture-grid.js';
import {
  neighborPad,
  neighborSteps,
  type TextureVolume,
  textureVolume,
} from '../texture-common/texture-volume.js';

/** Options of {@link ngtdmMatrix}. */
export interface NgtdmOptions extends NeighborOptions {
  /**
   * Count voxels without any ROI neighbour in `n_i` (with a difference of 0), as PyRadiomics; IBSI leaves
   * them out (`false`).
   * @default true
   */
  countIsolated?: boolean;
}

/** Neighbouring grey tone difference matrix. */
export interface NgtdmMatrix {
  /**
   * One row per grey level present: `[n_i, s_i, i]` (`values[3 * r + c]`), as PyRadiomics `P_ngtdm`: the voxel
   * count, the sum of `|i - mean of its ROI neighbours|`, and the grey level.
   */
  values: Float64Array;
  /** Number of rows. */
  nLevels: number;
}

/**
 * Neighbouring grey tone difference matrix (NGTDM) as PyRadiomics `RadiomicsNGTDM.P_ngtdm`: for each ROI voxel,
 * the absolute difference between its grey level and the mean of its ROI neighbours (26 in 3D, 8 with
 * `force2D`; 0 when it has none), summed per grey level. One pass. Matches `<case>_ngtdm.npy` exactly.
 * @throws {TaceError} see {@link roiLevels}.
 * @example ngtdmMatrix({ grayLevels: Int32Array.from([1, 2]), size: [2, 1, 1] }).values // [1, 1, 1, 1, 1, 2]
 */
export function ngtdmMatrix(grid: TextureGrid, options: NgtdmOptions = {}): NgtdmMatrix {
  const offsets = generateAngles(grid.size, { ...options, bidirectional: true });
  return ngtdmOfVolume(textureVolume(grid, neighborPad(offsets)), offsets, options);
}

/**
 * {@link ngtdmMatrix} of a prepared {@link TextureVolume} (padded for `offsets`) and the neighbour `offsets`
 * of `generateAngles` (both directions): one pass over the ROI voxels, in grid order (the sums of `s_i` are
 * accumulated in that order).
 */
export function ngtdmOfVolume(
  volume: TextureVolume,
  offsets: Int32Array,
  options: Omit<NgtdmOptions, keyof NeighborOptions> = {},
): NgtdmMatrix {
  const { roi, levels: pg, voxels } = volume;
  const na = offsets.length / 3;
  const ng = roi.levels.length;
  const values = new Float64Array(3 * ng);
  for (let r = 0; r < ng; r++) values[3 * r + 2] = roi.levels[r];
  const steps = neighborSteps(volume, offsets);
  const countIsolated = options.countIsolated !== false;
  for (let n = 0; n < voxels.length; n++) {
    const p = voxels[n];
    const gi = pg[p];
    let count = 0;
    let sum = 0;
    for (let a = 0; a < na; a++) {
      // no branch: a neighbour outside the ROI adds 0 to both (the integer sum stays exact)
      const gj = pg[p + steps[a]];
      count += +(gj !== 0);
      sum += gj;
    }
    if (count === 0 && !countIsolated) continue;
    addNgtdmVoxel(values, roi.row[gi], gi, count, sum);
  }
  return { values, nLevels: ng };
}

/**
 * {@link ngtdmOfVolume} from the `count` and `sum` of {@link NeighborSums} (GLDM's scan shares them): the
 * same sums, accumulated in the same (grid) order, so the same values to the last bit.
 */
export function ngtdmOfNeighborSums(
  volume: TextureVolume,
  sums: NeighborSums,
  options: Omit<NgtdmOptions, keyof NeighborOptions> = {},
): NgtdmMatrix {
  const { roi, levels: pg, voxels } = volume;
  const ng = roi.levels.length;
  const values = new Float64Array(3 * ng);
  for (let r = 0; r < ng; r++) values[3 * r + 2] = roi.levels[r];
  const countIsolated = options.countIsolated !== false;
  const { count: counts, sum: totals } = sums;
  for (let n = 0; n < voxels.length; n++) {
    const gi = pg[voxels[n]];
    const count = counts[n];
    if (count === 0 && !countIsolated) continue;
    addNgtdmVoxel(values, roi.row[gi], gi, count, totals[n]);
  }
  return { values, nLevels: ng };
}

/**
 * Adds one ROI voxel of grey level `gi` (row `r`) with `count` ROI neighbours whose grey levels sum to `sum`:
 * n_i += 1 and s_i += |gi - sum / count| (0 without neighbours).
 */
function addNgtdmVoxel(values: Float64Array, r: number, gi: number, count: number, sum: number): void {
  values[3 * r]++;
  values[3 * r + 1] += count === 0 ? 0 : Math.abs(gi - sum / count);
}
