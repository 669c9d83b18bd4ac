import { assertFiniteNumber } from '@tace/core';
import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import type { NeighborSums } from '../texture-common/neighbor-sums.js';
import type { TextureGrid } from '../texture-common/texture-grid.js';
import {
  neighborPad,
  neighborSteps,
  type TextureVolume,
  textureVolume,
} from '../texture-common/texture-volume.js';

/** Options of {@link gldmMatrix}. */
export interface GldmOptions extends NeighborOptions {
  /** A neighbour depends on the centre when their grey levels differ by at most `alpha` (PyRadiomics `gldm_a`). @default 0 */
  alpha?: number;
}

/** Grey level dependence matrix. */
export interface GldmMatrix {
  /** Voxel counts `P(i, j)`, layout `[i][j]` (`values[i * nDependences + j]`). */
  values: Float64Array;
  /** Rows: grey levels present in the ROI. */
  nLevels: number;
  /** Columns: dependence sizes that occur. */
  nDependences: number;
  /** Grey level of each row. */
  grayLevels: Float64Array;
  /** Dependence size of each column: 1 + the number of dependent neighbours (PyRadiomics `jvector`). */
  dependences: Float64Array;
}

/**
 * Grey level dependence matrix (GLDM) as PyRadiomics `RadiomicsGLDM.P_gldm`: for each ROI voxel, the number of
 * ROI neighbours (26 in 3D for distance 1, 8 with `force2D`) whose grey level is within `alpha`; rows are grey
 * levels, columns the dependence sizes that occur. One pass. Matches `<case>_gldm.npy` exactly.
 * @throws {TaceError} see {@link roiLevels}; `INVALID_ARGUMENT` for a non-finite alpha.
 * @example gldmMatrix({ grayLevels: Int32Array.from([1, 1, 2]), size: [3, 1, 1] }).dependences // [1, 2]
 */
export function gldmMatrix(grid: TextureGrid, options: GldmOptions = {}): GldmMatrix {
  const offsets = generateAngles(grid.size, { ...options, bidirectional: true });
  return gldmOfVolume(textureVolume(grid, neighborPad(offsets)), offsets, options.alpha);
}

/**
 * {@link gldmMatrix} of a prepared {@link TextureVolume} (padded for `offsets`) and the neighbour `offsets`
 * of `generateAngles` (both directions): one pass over the ROI voxels.
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-finite alpha.
 */
export function gldmOfVolume(volume: TextureVolume, offsets: Int32Array, alpha = 0): GldmMatrix {
  assertFiniteNumber(alpha, 'alpha');
  const { roi, levels: pg, voxels } = volume;
  const na = offsets.length / 3;
  const ng = roi.levels.length;
  const nd = na + 1;
  const counts = new Float64Array(ng * nd);
  const steps = neighborSteps(volume, offsets);
  for (let n = 0; n < voxels.length; n++) {
    const p = voxels[n];
    const gi = pg[p];
    let dependent = 0;
    if (alpha === 0) {
      // integer levels: within 0 of gi is equal to gi (and so in the ROI); counted without a branch, which
      // the processor could not predict
      for (let a = 0; a < na; a++) dependent += +(pg[p + steps[a]] === gi);
    } else {
      for (let a = 0; a < na; a++) {
        const gj = pg[p + steps[a]];
        if (gj !== 0 && Math.abs(gi - gj) <= alpha) dependent++;
      }
    }
    counts[roi.row[gi] * nd + dependent]++;
  }
  return gldmOfCounts(counts, volume, nd);
}

/**
 * {@link gldmOfVolume} with alpha 0 from the `equal` counts of {@link NeighborSums} (the ROI neighbours with
 * each voxel's grey level, over `nOffsets` offsets), which NGTDM's scan shares.
 */
export function gldmOfNeighborSums(volume: TextureVolume, sums: NeighborSums, nOffsets: number): GldmMatrix {
  const { roi, levels: pg, voxels } = volume;
  const nd = nOffsets + 1;
  const counts = new Float64Array(roi.levels.length * nd);
  const equal = sums.equal;
  for (let n = 0; n < voxels.length; n++) counts[roi.row[pg[voxels[n]]] * nd + equal[n]]++;
  return gldmOfCounts(counts, volume, nd);
}

/** The GLDM of the voxel counts per grey level row and dependence (`nd` columns): dependences that occur. */
function gldmOfCounts(counts: Float64Array, volume: TextureVolume, nd: number): GldmMatrix {
  const { roi } = volume;
  const ng = roi.levels.length;
  const used: number[] = [];
  for (let d = 0; d < nd; d++) {
    let any = false;
    for (let i = 0; i < ng && !any; i++) if (counts[i * nd + d] !== 0) any = true;
    if (any) used.push(d);
  }
  const values = new Float64Array(ng * used.length);
  for (let i = 0; i < ng; i++) {
    for (let c = 0; c < used.length; c++) values[i * used.length + c] = counts[i * nd + used[c]];
  }
  return {
    values,
    nLevels: ng,
    nDependences: used.length,
    grayLevels: Float64Array.from(roi.levels),
    dependences: Float64Array.from(used, (d) => d + 1),
  };
}
