import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import type { TextureGrid } from '../texture-common/texture-grid.js';
import {
  neighborPad,
  neighborSteps,
  type TextureVolume,
  textureVolume,
} from '../texture-common/texture-volume.js';

/** Options of {@link glszmMatrix}: `force2D` gives 8-connected zones within each slice. */
export type GlszmOptions = Omit<NeighborOptions, 'distances'>;

/** Grey level size zone matrix. */
export interface GlszmMatrix {
  /** Zone counts `P(i, j)`, layout `[i][j]` (`values[i * nSizes + j]`). */
  values: Float64Array;
  /** Rows: grey levels present in the ROI. */
  nLevels: number;
  /** Columns: zone sizes that occur. */
  nSizes: number;
  /** Grey level of each row. */
  grayLevels: Float64Array;
  /** Zone size (voxels) of each column. */
  zoneSizes: Float64Array;
  /** Number of ROI voxels (PyRadiomics `Np`). */
  voxelCount: number;
}

/**
 * Grey level size zone matrix (GLSZM) as PyRadiomics `RadiomicsGLSZM.P_glszm`: zones are 26-connected sets of
 * ROI voxels of equal grey level (8-connected in-plane with `force2D`); rows are the grey levels present,
 * columns the zone sizes that occur. Region growing with one preallocated stack; every voxel is visited once.
 * Matches `<case>_glszm.npy` exactly.
 * @throws {TaceError} see {@link roiLevels}.
 * @example glszmMatrix({ grayLevels: Int32Array.from([1, 1, 2]), size: [3, 1, 1] }).zoneSizes // [1, 2]
 */
export function glszmMatrix(grid: TextureGrid, options: GlszmOptions = {}): GlszmMatrix {
  const offsets = generateAngles(grid.size, { ...options, distances: [1], bidirectional: true });
  return glszmOfVolume(textureVolume(grid, neighborPad(offsets)), offsets);
}

/**
 * {@link glszmMatrix} of a prepared {@link TextureVolume} (padded for `offsets`) and the zone-connecting
 * `offsets` (distance 1, both directions): zones grown from the ROI voxels in grid order. Visited voxels are
 * marked in the volume itself by negating their level (which no zone's level equals), and every level is
 * restored before returning, so the volume is unchanged when the next texture class reads it.
 */
export function glszmOfVolume(volume: TextureVolume, offsets: Int32Array): GlszmMatrix {
  const { roi, voxels } = volume;
  const na = offsets.length / 3;
  const steps = neighborSteps(volume, offsets);
  const pg = volume.levels;
  const stack = new Int32Array(roi.voxelCount);
  const zoneLevel = new Int32Array(roi.voxelCount);
  const zoneSize = new Int32Array(roi.voxelCount);
  let zones = 0;
  let maxSize = 0;
  for (let n = 0; n < voxels.length; n++) {
    const start = voxels[n];
    const level = pg[start];
    if (level < 0) continue;
    pg[start] = -level;
    let top = 0;
    stack[top++] = start;
    let count = 0;
    while (top > 0) {
      const v = stack[--top];
      count++;
      for (let a = 0; a < na; a++) {
        const w = v + steps[a];
        if (pg[w] === level) {
          pg[w] = -level;
          stack[top++] = w;
        }
      }
    }
    zoneLevel[zones] = roi.row[level];
    zoneSize[zones] = count;
    zones++;
    if (count > maxSize) maxSize = count;
  }
  for (let n = 0; n < voxels.length; n++) pg[voxels[n]] = -pg[voxels[n]];
  const column = new Int32Array(maxSize + 1).fill(-1);
  for (let z = 0; z < zones; z++) column[zoneSize[z]] = 0;
  const sizes: number[] = [];
  for (let s = 1; s <= maxSize; s++) if (column[s] === 0) column[s] = sizes.push(s) - 1;
  const ng = roi.levels.length;
  const values = new Float64Array(ng * sizes.length);
  for (let z = 0; z < zones; z++) values[zoneLevel[z] * sizes.length + column[zoneSize[z]]]++;
  return {
    values,
    nLevels: ng,
    nSizes: sizes.length,
    grayLevels: Float64Array.from(roi.levels),
    zoneSizes: Float64Array.from(sizes),
    voxelCount: roi.voxelCount,
  };
}
