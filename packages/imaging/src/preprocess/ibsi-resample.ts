import { assertFiniteNumber, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { assertGridSize, DEFAULT_MAX_VOXELS } from './size-bounds.js';

/**
 * Resamples an image with (tri)linear interpolation on the IBSI grid (IBSI 1 reference manual, 2.4, "align
 * grid centres"): along each axis the new grid has `ceil(n s / s')` voxels of spacing `s'`, centred on the
 * original grid, i.e. new voxel `j` samples original index `((n - 1) - (s'/s)(n' - 1)) / 2 + j s'/s`; samples
 * beyond the edge take the edge value. `null` keeps an axis (no interpolation along it, e.g. 2D in-plane
 * resampling). The origin moves accordingly; data are `Float64Array`.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-positive spacing, or a new grid of more than `maxVoxels`
 *   voxels (stating the size it would need).
 * @example ibsiResample(ct, [2, 2, null]) // IBSI configuration B grid
 */
export function ibsiResample(
  image: Image,
  spacing: readonly (number | null)[],
  options: { maxVoxels?: number } = {},
): Image {
  const oldSize = image.size;
  const newSpacing = [0, 1, 2].map((a) => spacing[a] ?? image.spacing[a]) as [number, number, number];
  for (const s of newSpacing) {
    assertFiniteNumber(s, 'spacing');
    if (s <= 0)
      throw new TaceError('INVALID_ARGUMENT', `spacing must be > 0 mm, but was ${s}`, { param: 'spacing' });
  }
  const size = [0, 1, 2].map((a) =>
    spacing[a] === null ? oldSize[a] : Math.ceil((oldSize[a] * image.spacing[a]) / newSpacing[a]),
  ) as [number, number, number];
  assertGridSize(size, 'spacing', options.maxVoxels ?? DEFAULT_MAX_VOXELS);
  const step = [0, 1, 2].map((a) => newSpacing[a] / image.spacing[a]);
  const start = [0, 1, 2].map((a) => (oldSize[a] - 1 - step[a] * (size[a] - 1)) / 2);
  // Per-axis sample positions: lower index and weight of the upper neighbour.
  const lower = size.map((n) => new Int32Array(n));
  const weight = size.map((n) => new Float64Array(n));
  for (let a = 0; a < 3; a++) {
    for (let j = 0; j < size[a]; j++) {
      const p = Math.min(Math.max(start[a] + j * step[a], 0), oldSize[a] - 1);
      const i0 = Math.min(Math.floor(p), Math.max(oldSize[a] - 2, 0));
      lower[a][j] = i0;
      weight[a][j] = oldSize[a] === 1 ? 0 : p - i0;
    }
  }
  const [nx, ny] = oldSize;
  const plane = nx * ny;
  const dx = oldSize[0] > 1 ? 1 : 0;
  const dy = oldSize[1] > 1 ? nx : 0;
  const dz = oldSize[2] > 1 ? plane : 0;
  const src = image.data;
  const out = new Float64Array(size[0] * size[1] * size[2]);
  let v = 0;
  for (let k = 0; k < size[2]; k++) {
    const wz = weight[2][k];
    const bz = lower[2][k] * plane;
    for (let j = 0; j < size[1]; j++) {
      const wy = weight[1][j];
      const by = bz + lower[1][j] * nx;
      for (let i = 0; i < size[0]; i++, v++) {
        const wx = weight[0][i];
        const b = by + lower[0][i];
        const c00 = src[b] * (1 - wx) + src[b + dx] * wx;
        const c10 = src[b + dy] * (1 - wx) + src[b + dy + dx] * wx;
        const c01 = src[b + dz] * (1 - wx) + src[b + dz + dx] * wx;
        const c11 = src[b + dz + dy] * (1 - wx) + src[b + dz + dy + dx] * wx;
        out[v] = (c00 * (1 - wy) + c10 * wy) * (1 - wz) + (c01 * (1 - wy) + c11 * wy) * wz;
      }
    }
  }
  const origin = [0, 1, 2].map((a) => {
    let o = image.origin[a];
    for (let c = 0; c < 3; c++) o += image.direction[3 * a + c] * start[c] * image.spacing[c];
    return o;
  }) as [number, number, number];
  return { data: out, size, spacing: newSpacing, origin, direction: [...image.direction] };
}
