import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import { paddedGrid } from '../texture-common/padded-grid.js';
import { roiLevels, type TextureGrid } from '../texture-common/texture-grid.js';

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
  const roi = roiLevels(grid);
  const { grayLevels: g, size } = grid;
  const [sx, sy, sz] = size;
  const offsets = generateAngles(size, { ...options, bidirectional: true });
  const na = offsets.length / 3;
  const ng = roi.levels.length;
  const values = new Float64Array(3 * ng);
  for (let r = 0; r < ng; r++) values[3 * r + 2] = roi.levels[r];
  const { levels: pg, steps, origin, strideY, strideZ } = paddedGrid(grid, offsets);
  const countIsolated = options.countIsolated !== false;
  let v = 0;
  for (let z = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      const line = origin + strideY * y + strideZ * z;
      for (let x = 0; x < sx; x++, v++) {
        const gi = g[v];
        if (gi === 0) continue;
        const p = line + x;
        let count = 0;
        let sum = 0;
        for (let a = 0; a < na; a++) {
          const gj = pg[p + steps[a]];
          if (gj !== 0) {
            count++;
            sum += gj;
          }
        }
        if (count === 0 && !countIsolated) continue;
        const r = roi.row[gi];
        values[3 * r]++;
        values[3 * r + 1] += count === 0 ? 0 : Math.abs(gi - sum / count);
      }
    }
  }
  return { values, nLevels: ng };
}
