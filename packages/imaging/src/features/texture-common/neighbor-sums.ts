import { neighborSteps, type TextureVolume } from './texture-volume.js';

/**
 * What GLDM (alpha 0) and NGTDM read of each ROI voxel's neighbourhood, counted in one scan for both: per ROI
 * voxel of a {@link TextureVolume} (in the order of `volume.voxels`), the number of its neighbours in the ROI,
 * of those with its own grey level, and the sum of their grey levels (integers: exact in any order).
 */
export interface NeighborSums {
  /** Neighbours in the ROI (grey level not 0). */
  count: Uint16Array;
  /** Neighbours with the voxel's own grey level. */
  equal: Uint16Array;
  /** Sum of the neighbours' grey levels (0 outside the ROI). */
  sum: Int32Array;
}

/**
 * {@link NeighborSums} of the ROI voxels of `volume` (padded for `offsets`) over the neighbour `offsets` of
 * `generateAngles` (both directions): one pass over the ROI voxels, without branches.
 * @example neighborSums(textureVolume({ grayLevels: Int32Array.of(1, 1, 2), size: [3, 1, 1] }, 1), Int32Array.of(1, 0, 0, -1, 0, 0)).equal // [1, 1, 0]
 */
export function neighborSums(volume: TextureVolume, offsets: Int32Array): NeighborSums {
  const { levels: pg, voxels } = volume;
  const steps = neighborSteps(volume, offsets);
  const na = steps.length;
  const nv = voxels.length;
  const count = new Uint16Array(nv);
  const equal = new Uint16Array(nv);
  const sum = new Int32Array(nv);
  for (let n = 0; n < nv; n++) {
    const p = voxels[n];
    const gi = pg[p];
    let inRoi = 0;
    let same = 0;
    let total = 0;
    for (let a = 0; a < na; a++) {
      const gj = pg[p + steps[a]];
      inRoi += +(gj !== 0);
      same += +(gj === gi);
      total += gj;
    }
    count[n] = inRoi;
    equal[n] = same;
    sum[n] = total;
  }
  return { count, equal, sum };
}
