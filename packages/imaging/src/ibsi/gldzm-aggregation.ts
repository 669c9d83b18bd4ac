import { gldzmFeatures, gldzmMatrix } from '../features/gldzm/gldzm.js';
import type { TextureGrid } from '../features/texture-common/texture-grid.js';

/**
 * IBSI 1 GLDZM features (reference manual, 3.10) of a discretised ROI, keyed by IBSI code, with an IBSI
 * aggregation: `3D` (26-connected zones, 6-connected edge distance), `2D` (per slice: 8-connected zones,
 * 4-connected distance, features averaged over the slices holding ROI voxels) or `2.5D` (the slices' matrices
 * summed). `nLevels` is IBSI's `Ng`; the distance is measured on `distanceMask` (default the ROI of `grid`; IBSI
 * measures it on the morphological mask, before resegmentation).
 * @example ibsiGldzmFeatures(grid, '3D', { nLevels: 32 }).VIWW // zone percentage
 */
export function ibsiGldzmFeatures(
  grid: TextureGrid,
  aggregation: '3D' | '2D' | '2.5D',
  options: { nLevels?: number; distanceMask?: ArrayLike<number> } = {},
): Record<string, number> {
  if (aggregation === '3D') {
    return gldzmFeatures(gldzmMatrix(grid, { nLevels: options.nLevels, distanceMask: options.distanceMask }));
  }
  const [sx, sy, sz] = grid.size;
  const plane = sx * sy;
  const matrices = [];
  let nLevels = options.nLevels ?? 1;
  let nDistances = 1;
  for (let z = 0; z < sz; z++) {
    const levels = grid.grayLevels.subarray(z * plane, (z + 1) * plane);
    if (!levels.some((g) => g !== 0)) continue;
    const m = gldzmMatrix(
      { grayLevels: levels, size: [sx, sy, 1] },
      {
        force2D: true,
        nLevels: options.nLevels,
        distanceMask:
          options.distanceMask === undefined ? undefined : sliceOf(options.distanceMask, z, plane),
      },
    );
    matrices.push(m);
    nLevels = Math.max(nLevels, m.nLevels);
    nDistances = Math.max(nDistances, m.nDistances);
  }
  if (aggregation === '2D') {
    const sums: Record<string, number> = {};
    for (const m of matrices) {
      for (const [code, v] of Object.entries(gldzmFeatures(m))) sums[code] = (sums[code] ?? 0) + v;
    }
    for (const code of Object.keys(sums)) sums[code]! /= matrices.length;
    return sums;
  }
  const values = new Float64Array(nLevels * nDistances);
  let voxelCount = 0;
  for (const m of matrices) {
    voxelCount += m.voxelCount;
    for (let g = 0; g < m.nLevels; g++)
      for (let d = 0; d < m.nDistances; d++) values[g * nDistances + d]! += m.values[g * m.nDistances + d]!;
  }
  return gldzmFeatures({ values, nLevels, nDistances, voxelCount });
}

function sliceOf(mask: ArrayLike<number>, z: number, plane: number): Uint8Array {
  const out = new Uint8Array(plane);
  for (let p = 0; p < plane; p++) out[p] = mask[z * plane + p] !== 0 ? 1 : 0;
  return out;
}
