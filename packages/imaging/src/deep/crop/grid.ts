import { TaceError } from '@tace/core';
import type { Image } from '../../image/index.js';

/** The geometry of an {@link Image} without its voxels: where a crop is sampled. */
export type Grid = Omit<Image, 'data'>;

type Vec3 = [number, number, number];

/**
 * The grid of `size` voxels with `spacing` (mm) and `direction` whose centre (the middle of voxel
 * `(size - 1) / 2`) is the LPS point `centre`.
 */
export function gridAround(centre: Vec3, size: Vec3, spacing: Vec3, direction: Image['direction']): Grid {
  const half: Vec3 = [0, 1, 2].map((a) => ((size[a] - 1) / 2) * spacing[a]) as Vec3;
  const origin = [0, 1, 2].map(
    (r) =>
      centre[r] -
      direction[3 * r] * half[0] -
      direction[3 * r + 1] * half[1] -
      direction[3 * r + 2] * half[2],
  ) as Vec3;
  return { size: [...size], spacing: [...spacing], origin, direction: [...direction] };
}

/** LPS point of a continuous index of `grid` (ITK `TransformContinuousIndexToPhysicalPoint`). */
export function gridPoint(grid: Grid, index: readonly number[]): Vec3 {
  const { origin, spacing, direction } = grid;
  const out: Vec3 = [origin[0], origin[1], origin[2]];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) out[r] += direction[3 * r + c] * spacing[c] * index[c];
  }
  return out;
}

/**
 * Samples `image` at the voxel centres of `grid` by trilinear interpolation (ITK `LinearInterpolateImageFunction`
 * semantics): a point whose continuous index lies within [-0.5, size - 0.5] on every axis (inside the image's
 * voxels, ITK `IsInsideBuffer`) is interpolated with neighbours clamped to the edge; a point outside the
 * volume gets `padValue`. Works for any pair of orientations (the direction matrices are orthonormal).
 *
 * This is the minimal resampler the deep-learning arm needs to cut a crop without resampling the whole
 * volume first; the general resampler of `src/preprocess` serves whole-volume resampling.
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
  const base = continuousIndex(image, grid.origin);
  const steps = [0, 1, 2].map((a) => {
    const unit = [0, 0, 0];
    unit[a] = 1;
    const p = gridPoint(grid, unit);
    const q = continuousIndex(image, p);
    return [q[0] - base[0], q[1] - base[1], q[2] - base[2]];
  });
  const [sx, sy, sz] = image.size;
  const data = image.data;
  const strideY = sx;
  const strideZ = sx * sy;
  const eps = 1e-6;
  let o = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let cx = base[0] + steps[1][0] * j + steps[2][0] * k;
      let cy = base[1] + steps[1][1] * j + steps[2][1] * k;
      let cz = base[2] + steps[1][2] * j + steps[2][2] * k;
      for (let i = 0; i < nx; i++, o++, cx += steps[0][0], cy += steps[0][1], cz += steps[0][2]) {
        if (cx < -0.5 - eps || cy < -0.5 - eps || cz < -0.5 - eps) {
          result[o] = padValue;
          continue;
        }
        if (cx > sx - 0.5 + eps || cy > sy - 0.5 + eps || cz > sz - 0.5 + eps) {
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

/** Continuous index of an LPS point in `grid` (inverse of {@link gridPoint}; orthonormal direction). */
export function continuousIndex(grid: Grid, point: readonly number[]): Vec3 {
  const { origin, spacing, direction } = grid;
  const d = [point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]];
  const out: Vec3 = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    out[c] = (direction[c] * d[0] + direction[3 + c] * d[1] + direction[6 + c] * d[2]) / spacing[c];
  }
  return out;
}

/**
 * Throws unless `mask` lies on the grid of `image` (same size; spacing, origin and direction equal to
 * `tolerance` relative to the spacing).
 * @throws {TaceError} `GEOMETRY_MISMATCH`.
 */
export function assertSameGrid(image: Grid, mask: Grid, tolerance = 1e-4): void {
  const scale = Math.max(...image.spacing);
  const close = (a: readonly number[], b: readonly number[], tol: number): boolean =>
    a.every((v, i) => Math.abs(v - b[i]) <= tol);
  const problems: string[] = [];
  if (!close(image.size, mask.size, 0)) problems.push(`size [${mask.size}] vs [${image.size}]`);
  if (!close(image.spacing, mask.spacing, tolerance * scale))
    problems.push(`spacing [${mask.spacing}] vs [${image.spacing}]`);
  if (!close(image.origin, mask.origin, tolerance * scale))
    problems.push(`origin [${mask.origin}] vs [${image.origin}]`);
  if (!close(image.direction, mask.direction, tolerance)) problems.push('direction differs');
  if (problems.length > 0) {
    throw new TaceError('GEOMETRY_MISMATCH', `mask and image grids disagree: ${problems.join('; ')}`, {
      param: 'mask',
      remedy: 'resample the mask onto the first phase (nearest neighbour) before cropping',
    });
  }
}
