import { TaceError } from '@tace/core';
import { indexToPoint, pointToIndex } from '../../image/geometry.js';
import type { Image } from '../../image/types.js';
import { assertSameGeometry } from '../../preprocess/geometry-check.js';

/** The geometry of an {@link Image} without its voxels: where a crop is sampled. */
export type Grid = Omit<Image, 'data'>;

type Vec3 = [number, number, number];

/**
 * The grid of `size` voxels with `spacing` (mm) and `direction` whose center (the middle of voxel
 * `(size - 1) / 2`) is the LPS point `center`.
 */
export function gridAround(center: Vec3, size: Vec3, spacing: Vec3, direction: Image['direction']): Grid {
  const half: Vec3 = [0, 1, 2].map((a) => ((size[a] - 1) / 2) * spacing[a]) as Vec3;
  const origin = [0, 1, 2].map(
    (r) =>
      center[r] -
      direction[3 * r] * half[0] -
      direction[3 * r + 1] * half[1] -
      direction[3 * r + 2] * half[2],
  ) as Vec3;
  return { size: [...size], spacing: [...spacing], origin, direction: [...direction] };
}

/**
 * Samples `image` at the voxel centres of `grid` by trilinear interpolation (ITK `LinearInterpolateImageFunction`
 * semantics): a point whose continuous index lies within [-0.5, size - 0.5) on every axis (the same inside
 * rule as `resampleToReference`) is interpolated with neighbours clamped to the edge; a point outside the
 * volume gets `padValue`. Works for any pair of orientations (the direction matrices are orthonormal).
 *
 * Unlike `resampleToReference(image, grid, 'sitkLinear')` (whose trilinear values are the same inside the
 * volume), the result is float32 whatever the input type (no truncation of interpolated HU to Int16) and
 * the outside value is configurable (0 HU, water, is a poor pad for CT crops).
 *
 * @param out - optional output buffer of `grid` voxel count, x fastest.
 * @returns voxel values on `grid`, x fastest.
 */
export function sampleOnGrid(image: Image, grid: Grid, padValue: number, out?: Float32Array): Float32Array {
  const [nx, ny, nz] = grid.size;
  const count = nx * ny * nz;
  const result = out ?? new Float32Array(count);
  if (result.length !== count) {
    throw new TaceError('LENGTH_MISMATCH', `out has length ${result.length}, the grid has ${count} voxels`, {
      param: 'out',
    });
  }
  // Affine map from grid index to image continuous index: c = base + step[a] * index[a].
  const base = pointToIndex(image, grid.origin);
  const steps = [0, 1, 2].map((a) => {
    const q = pointToIndex(image, indexToPoint(grid, a === 0 ? 1 : 0, a === 1 ? 1 : 0, a === 2 ? 1 : 0));
    return [q[0] - base[0], q[1] - base[1], q[2] - base[2]];
  });
  const [sx, sy, sz] = image.size;
  const data = image.data;
  const strideY = sx;
  const strideZ = sx * sy;
  let o = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const rowX = base[0] + steps[1][0] * j + steps[2][0] * k;
      const rowY = base[1] + steps[1][1] * j + steps[2][1] * k;
      const rowZ = base[2] + steps[1][2] * j + steps[2][2] * k;
      for (let i = 0; i < nx; i++, o++) {
        const cx = rowX + steps[0][0] * i;
        const cy = rowY + steps[0][1] * i;
        const cz = rowZ + steps[0][2] * i;
        if (cx < -0.5 || cy < -0.5 || cz < -0.5 || cx >= sx - 0.5 || cy >= sy - 0.5 || cz >= sz - 0.5) {
          result[o] = padValue;
          continue;
        }
        const x0 = Math.floor(cx);
        const y0 = Math.floor(cy);
        const z0 = Math.floor(cz);
        const fx = cx - x0;
        const fy = cy - y0;
        const fz = cz - z0;
        const xa = clamp(x0, sx);
        const xb = clamp(x0 + 1, sx);
        const ya = clamp(y0, sy) * strideY;
        const yb = clamp(y0 + 1, sy) * strideY;
        const za = clamp(z0, sz) * strideZ;
        const zb = clamp(z0 + 1, sz) * strideZ;
        const c00 = data[za + ya + xa] * (1 - fx) + data[za + ya + xb] * fx;
        const c10 = data[za + yb + xa] * (1 - fx) + data[za + yb + xb] * fx;
        const c01 = data[zb + ya + xa] * (1 - fx) + data[zb + ya + xb] * fx;
        const c11 = data[zb + yb + xa] * (1 - fx) + data[zb + yb + xb] * fx;
        result[o] = (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
      }
    }
  }
  return result;
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * Throws unless `mask` lies on the grid of `image`, to 1e-4 of the spacing (origin, spacing) and 1e-4 in
 * the direction cosines: masks written by other tools often round the origin.
 * @throws {TaceError} `GEOMETRY_MISMATCH`.
 */
export function assertMaskOnGrid(image: Grid, mask: Grid): void {
  assertSameGeometry(image, mask, 1e-4);
}
