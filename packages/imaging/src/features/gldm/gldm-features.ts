import { EMPHASIS_STATISTIC_COUNT, emphasisStatistics } from '../texture-common/emphasis-statistics.js';
import type { GldmMatrix } from './gldm-matrix.js';

/** The 14 GLDM features PyRadiomics computes by default, with their index in {@link emphasisStatistics}. */
const GLDM_FEATURES = {
  SmallDependenceEmphasis: 0,
  LargeDependenceEmphasis: 1,
  GrayLevelNonUniformity: 2,
  DependenceNonUniformity: 4,
  DependenceNonUniformityNormalized: 5,
  GrayLevelVariance: 7,
  DependenceVariance: 8,
  DependenceEntropy: 9,
  LowGrayLevelEmphasis: 10,
  HighGrayLevelEmphasis: 11,
  SmallDependenceLowGrayLevelEmphasis: 12,
  SmallDependenceHighGrayLevelEmphasis: 13,
  LargeDependenceLowGrayLevelEmphasis: 14,
  LargeDependenceHighGrayLevelEmphasis: 15,
} as const;

/** Names of the 14 GLDM features. */
export const GLDM_FEATURE_NAMES = Object.keys(GLDM_FEATURES) as (keyof typeof GLDM_FEATURES)[];

/**
 * The 14 GLDM features of PyRadiomics (`RadiomicsGLDM`; the deprecated GLNN and Dependence Percentage are
 * left out, as PyRadiomics does by default), normalised by `Nz = Np` (every voxel is one entry).
 * Matches `baseline_gldm.csv` (brain1, brain2, breast1 and variants) to 1e-9 relative.
 * @example gldmFeatures(gldmMatrix(grid)).DependenceEntropy
 */
export function gldmFeatures(matrix: GldmMatrix): Record<keyof typeof GLDM_FEATURES, number> {
  const stats = new Float64Array(EMPHASIS_STATISTIC_COUNT);
  const { values, nLevels, nDependences, grayLevels, dependences } = matrix;
  let voxels = 0;
  for (let k = 0; k < values.length; k++) voxels += values[k];
  emphasisStatistics(values, 0, nLevels, nDependences, grayLevels, dependences, voxels, stats);
  const out = {} as Record<keyof typeof GLDM_FEATURES, number>;
  for (const name of GLDM_FEATURE_NAMES) out[name] = stats[GLDM_FEATURES[name]];
  return out;
}
