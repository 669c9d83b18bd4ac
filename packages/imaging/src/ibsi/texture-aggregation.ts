import { assertOneOf } from '@tace/core';
import { glcmFeatures } from '../features/glcm/glcm-features.js';
import { glcmMatrix } from '../features/glcm/glcm-matrix.js';
import { gldmMatrix } from '../features/gldm/gldm-matrix.js';
import { GLRLM_FEATURE_NAMES, glrlmFeatures } from '../features/glrlm/glrlm-features.js';
import { glrlmMatrix } from '../features/glrlm/glrlm-matrix.js';
import { GLSZM_FEATURE_NAMES, glszmFeatures } from '../features/glszm/glszm-features.js';
import { glszmMatrix } from '../features/glszm/glszm-matrix.js';
import { ngtdmFeatures } from '../features/ngtdm/ngtdm-features.js';
import { ngtdmMatrix } from '../features/ngtdm/ngtdm-matrix.js';
import {
  EMPHASIS_STATISTIC_COUNT,
  emphasisStatistics,
} from '../features/texture-common/emphasis-statistics.js';
import { roiLevels, type TextureGrid } from '../features/texture-common/texture-grid.js';
import {
  IBSI_GLCM,
  IBSI_GLRLM,
  IBSI_GLSZM,
  IBSI_NGLDM,
  IBSI_NGTDM,
  type IbsiFeature,
} from './texture-codes.js';

/** IBSI texture families implemented (GLDZM is not). */
export type IbsiTextureFamily = 'glcm' | 'glrlm' | 'glszm' | 'ngldm' | 'ngtdm';

/** IBSI 1 aggregation methods, spelt as in the IBSI reference tables. */
export type IbsiAggregation =
  | '3D, averaged'
  | '3D, merged'
  | '2D, averaged'
  | '2D, slice-merged'
  | '2.5D, direction-merged'
  | '2.5D, merged'
  | '3D'
  | '2D'
  | '2.5D';

/** Aggregations of the directional families (GLCM, GLRLM). */
export const IBSI_DIRECTIONAL_AGGREGATIONS: readonly IbsiAggregation[] = [
  '3D, averaged',
  '3D, merged',
  '2D, averaged',
  '2D, slice-merged',
  '2.5D, direction-merged',
  '2.5D, merged',
];
/** Aggregations of the other families (GLSZM, NGLDM, NGTDM). */
export const IBSI_VOLUME_AGGREGATIONS: readonly IbsiAggregation[] = ['3D', '2D', '2.5D'];

/** The IBSI feature list of a family. */
export const IBSI_TEXTURE_FEATURES: Record<IbsiTextureFamily, readonly IbsiFeature[]> = {
  glcm: IBSI_GLCM,
  glrlm: IBSI_GLRLM,
  glszm: IBSI_GLSZM,
  ngldm: IBSI_NGLDM,
  ngtdm: IBSI_NGTDM,
};

/**
 * IBSI 1 texture features of an already discretised ROI, with an IBSI aggregation method, keyed by IBSI
 * code (`{ GYBY: 0.503, ... }`). Slices are the planes of constant z (k).
 *
 * - `3D, averaged` / `3D, merged`: the 13 directions, features per direction then averaged / one matrix
 *   summed over directions.
 * - `2D, averaged` / `2D, slice-merged`: per slice, the 4 in-plane directions averaged / merged; then the
 *   mean over slices holding ROI voxels.
 * - `2.5D, direction-merged` / `2.5D, merged`: per in-plane direction, the matrices of all slices summed,
 *   then averaged over directions / everything summed into one matrix.
 * - `3D` / `2D` / `2.5D` (GLSZM, NGLDM, NGTDM): 26-neighbourhood; 8-neighbourhood per slice, averaged;
 *   8-neighbourhood, slices summed.
 *
 * IBSI conventions differ from PyRadiomics' here: the number of grey levels `Ng` used by the normalised
 * inverse differences is that of the whole ROI (`nLevels`) also on a slice; GLRLM keeps directions in which
 * the ROI is one voxel thick; NGTDM leaves out voxels without neighbours.
 *
 * Matches the IBSI 1 digital phantom reference values (`ibsi1_reference_values.csv`) for every family and
 * aggregation listed above, within the published tolerance (see the README table).
 * @throws {TaceError} `INVALID_ARGUMENT` for an aggregation the family does not have; see {@link roiLevels}.
 * @example ibsiTextureFeatures(grid, 'glcm', '3D, averaged').GYBY
 */
export function ibsiTextureFeatures(
  grid: TextureGrid,
  family: IbsiTextureFamily,
  aggregation: IbsiAggregation,
  options: { nLevels?: number } = {},
): Record<string, number> {
  assertOneOf(family, 'family', ['glcm', 'glrlm', 'glszm', 'ngldm', 'ngtdm'] as const);
  const directional = family === 'glcm' || family === 'glrlm';
  assertOneOf(
    aggregation,
    'aggregation',
    directional ? IBSI_DIRECTIONAL_AGGREGATIONS : IBSI_VOLUME_AGGREGATIONS,
  );
  const nLevels = options.nLevels ?? roiLevels(grid).maxLevel;
  const compute = (g: TextureGrid, force2D: boolean, merged: boolean) =>
    familyFeatures(g, family, force2D, merged, nLevels);
  switch (aggregation) {
    case '3D, averaged':
    case '3D':
      return compute(grid, false, false);
    case '3D, merged':
      return compute(grid, false, true);
    case '2.5D, direction-merged':
    case '2.5D':
      return compute(grid, true, false);
    case '2.5D, merged':
      return compute(grid, true, true);
    default:
      return meanOverSlices(grid, (slice) => compute(slice, true, aggregation === '2D, slice-merged'));
  }
}

function familyFeatures(
  grid: TextureGrid,
  family: IbsiTextureFamily,
  force2D: boolean,
  merged: boolean,
  nLevels: number,
): Record<string, number> {
  const weightingNorm = merged ? ('no_weighting' as const) : null;
  const out: Record<string, number> = {};
  if (family === 'glcm') {
    const matrix = glcmMatrix(grid, { force2D, weightingNorm });
    const values = glcmFeatures({ ...matrix, maxLevel: nLevels }) as Record<string, number>;
    for (const f of IBSI_GLCM) out[f.code] = values[f.pyradiomics!];
    return out;
  }
  if (family === 'ngtdm') {
    const values = ngtdmFeatures(ngtdmMatrix(grid, { force2D, countIsolated: false })) as Record<
      string,
      number
    >;
    for (const f of IBSI_NGTDM) out[f.code] = values[f.pyradiomics!];
    return out;
  }
  if (family === 'glrlm') {
    const values = glrlmFeatures(glrlmMatrix(grid, { force2D, weightingNorm, dropSingleVoxelAngles: false }));
    for (const f of IBSI_GLRLM) out[f.code] = values[GLRLM_FEATURE_NAMES[f.statistic!]];
    return out;
  }
  if (family === 'glszm') {
    const values = glszmFeatures(glszmMatrix(grid, { force2D }));
    for (const f of IBSI_GLSZM) out[f.code] = values[GLSZM_FEATURE_NAMES[f.statistic!]];
    return out;
  }
  const stats = new Float64Array(EMPHASIS_STATISTIC_COUNT);
  const m = gldmMatrix(grid, { force2D });
  let voxels = 0;
  let energy = 0;
  for (const v of m.values) voxels += v;
  for (const v of m.values) energy += (v / voxels) ** 2;
  emphasisStatistics(m.values, 0, m.nLevels, m.nDependences, m.grayLevels, m.dependences, voxels, stats);
  out.CAS9 = energy;
  for (const f of IBSI_NGLDM) if (f.statistic! >= 0) out[f.code] = stats[f.statistic!];
  return out;
}

/** Mean, feature by feature, of `compute` over the z slices that hold ROI voxels. */
function meanOverSlices(grid: TextureGrid, compute: (slice: TextureGrid) => Record<string, number>) {
  const [sx, sy, sz] = grid.size;
  const plane = sx * sy;
  const sums: Record<string, number> = {};
  let slices = 0;
  for (let z = 0; z < sz; z++) {
    const levels = grid.grayLevels.subarray(z * plane, (z + 1) * plane);
    if (!levels.some((g) => g !== 0)) continue;
    const values = compute({ grayLevels: levels, size: [sx, sy, 1] });
    for (const [code, v] of Object.entries(values)) sums[code] = (sums[code] ?? 0) + v;
    slices++;
  }
  for (const code of Object.keys(sums)) sums[code] /= slices;
  return sums;
}
