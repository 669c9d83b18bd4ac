import { MAX_GRAY_LEVEL, type RoiLevels, roiLevels, type TextureGrid } from './texture-grid.js';

/**
 * Largest grey level an `Int16Array` holds, and so a {@link TextureVolume} (signed: GLSZM marks visited voxels
 * by negating their level). {@link roiLevels} refuses levels above `MAX_GRAY_LEVEL` (10^4), below this.
 */
const MAX_INT16 = 32767;
if (MAX_GRAY_LEVEL > MAX_INT16) throw new Error('texture volumes hold grey levels in 16 bits');

/**
 * A discretised ROI prepared once for every texture matrix: its grey levels copied into a volume with a border
 * of zeros (outside the ROI) `pad` voxels wide, so a matrix steps to any neighbour within `pad` by adding a
 * linear offset, without testing the volume's bounds (a neighbour outside the grid reads 0, which every matrix
 * treats as "not in the ROI"), and the list of the ROI voxels, so the matrices visit only those.
 */
export interface TextureVolume {
  /**
   * Grey levels of the padded volume (x fastest), 0 outside the ROI and in the border; 16 bits per voxel (half
   * the memory traffic of the matrices' neighbour scans, which read it 13 to 26 times per ROI voxel).
   */
  levels: Int16Array;
  /** Index in `levels` of every ROI voxel, in the grid's order (x fastest). */
  voxels: Int32Array;
  /** The grey levels present and their matrix rows. */
  roi: RoiLevels;
  /** The grid's size (without the border). */
  size: readonly [number, number, number];
  /** Border width in voxels. */
  pad: number;
  /** Index steps in `levels` along y and z (x steps by 1). */
  strideY: number;
  strideZ: number;
}

/**
 * Pads `grid` by `pad` zero voxels on every side and lists its ROI voxels, in one pass after
 * {@link roiLevels}' checks.
 * @throws {TaceError} see {@link roiLevels}.
 * @example textureVolume({ grayLevels: Int32Array.of(1, 0, 2), size: [3, 1, 1] }, 1).voxels // [10, 12]
 */
export function textureVolume(grid: TextureGrid, pad: number): TextureVolume {
  const roi = roiLevels(grid);
  const [sx, sy, sz] = grid.size;
  const strideY = sx + 2 * pad;
  const strideZ = strideY * (sy + 2 * pad);
  const levels = new Int16Array(strideZ * (sz + 2 * pad));
  const voxels = new Int32Array(roi.voxelCount);
  const g = grid.grayLevels;
  let n = 0;
  for (let z = 0, v = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      const line = pad + strideY * (y + pad) + strideZ * (z + pad);
      for (let x = 0; x < sx; x++, v++) {
        const level = g[v];
        if (level === 0) continue;
        levels[line + x] = level;
        voxels[n++] = line + x;
      }
    }
  }
  return { levels, voxels, roi, size: grid.size, pad, strideY, strideZ };
}

/** The linear steps in `volume.levels` of the `(x, y, z)` neighbour offsets (as `generateAngles` returns). */
export function neighborSteps(volume: TextureVolume, offsets: Int32Array): Int32Array {
  const steps = new Int32Array(offsets.length / 3);
  for (let a = 0; a < steps.length; a++) {
    steps[a] = offsets[3 * a] + volume.strideY * offsets[3 * a + 1] + volume.strideZ * offsets[3 * a + 2];
  }
  return steps;
}

/** Border width that holds every one of the `(x, y, z)` neighbour `offsets` (at least 1). */
export function neighborPad(offsets: Int32Array): number {
  let pad = 1;
  for (const o of offsets) pad = Math.max(pad, Math.abs(o));
  return pad;
}
