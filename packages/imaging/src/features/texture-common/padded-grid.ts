import type { TextureGrid } from './texture-grid.js';

/**
 * A {@link TextureGrid} copied into a volume with a border of zeros (outside the ROI) wide enough for every
 * neighbour offset, so the texture matrices step to a neighbour by adding a linear offset without testing the
 * volume's bounds: a neighbour outside the volume reads 0, which every matrix already treats as "not in the
 * ROI", so the matrices are unchanged.
 */
export interface PaddedGrid {
  /** Grey levels of the padded volume (x fastest), `border` (default 0) in the border. */
  levels: Int32Array;
  /** Linear offset of each neighbour, in the order of the `(x, y, z)` offset triples given. */
  steps: Int32Array;
  /** Linear index in `levels` of voxel (0, 0, 0) of the grid. */
  origin: number;
  /** Index steps in `levels` along y and z (x steps by 1). */
  strideY: number;
  strideZ: number;
}

/**
 * Pads `grid` by the largest component of the `(x, y, z)` neighbour `offsets` (as `generateAngles` returns),
 * the border holding `border` (0, or a sentinel such as -1 marking where lines end).
 * @example paddedGrid({ grayLevels: Int32Array.from([1, 2]), size: [2, 1, 1] }, Int32Array.from([1, 0, 0])).levels.length // 4 * 3 * 3
 */
export function paddedGrid(grid: TextureGrid, offsets: Int32Array, border = 0): PaddedGrid {
  const [sx, sy, sz] = grid.size;
  let pad = 0;
  for (const o of offsets) pad = Math.max(pad, Math.abs(o));
  const px = sx + 2 * pad;
  const py = sy + 2 * pad;
  const pz = sz + 2 * pad;
  const levels = new Int32Array(px * py * pz);
  if (border !== 0) levels.fill(border);
  const g = grid.grayLevels;
  for (let z = 0, v = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++, v += sx) {
      levels.set(g.subarray(v, v + sx), pad + px * (y + pad + py * (z + pad)));
    }
  }
  const steps = new Int32Array(offsets.length / 3);
  for (let a = 0; a < steps.length; a++) {
    steps[a] = offsets[3 * a] + px * (offsets[3 * a + 1] + py * offsets[3 * a + 2]);
  }
  return { levels, steps, origin: pad * (1 + px + px * py), strideY: px, strideZ: px * py };
}
