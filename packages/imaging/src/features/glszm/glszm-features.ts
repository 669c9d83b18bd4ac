import { EMPHASIS_STATISTIC_COUNT, emphasisStatistics } from '../texture-common/emphasis-statistics.js';
import type { GlszmMatrix } from './glszm-matrix.js';

/** The 16 GLSZM features of PyRadiomics, in the order of {@link emphasisStatistics}. */
export const GLSZM_FEATURE_NAMES = [
  'SmallAreaEmphasis',
  'LargeAreaEmphasis',
  'GrayLevelNonUniformity',
  'GrayLevelNonUniformityNormalized',
  'SizeZoneNonUniformity',
  'SizeZoneNonUniformityNormalized',
  'ZonePercentage',
  'GrayLevelVariance',
  'ZoneVariance',
  'ZoneEntropy',
  'LowGrayLevelZoneEmphasis',
  'HighGrayLevelZoneEmphasis',
  'SmallAreaLowGrayLevelEmphasis',
  'SmallAreaHighGrayLevelEmphasis',
  'LargeAreaLowGrayLevelEmphasis',
  'LargeAreaHighGrayLevelEmphasis',
] as const;

/**
 * The 16 GLSZM features of PyRadiomics (`RadiomicsGLSZM`), with `Nz` = number of zones and Zone Percentage
 * `Nz / Np` (`Np` = ROI voxels). Matches `baseline_glszm.csv` (brain1, brain2, breast1 and variants) to 1e-9.
 * @example glszmFeatures(glszmMatrix(grid)).ZoneEntropy
 */
export function glszmFeatures(matrix: GlszmMatrix): Record<(typeof GLSZM_FEATURE_NAMES)[number], number> {
  const stats = new Float64Array(EMPHASIS_STATISTIC_COUNT);
  const { values, nLevels, nSizes, grayLevels, zoneSizes, voxelCount } = matrix;
  emphasisStatistics(values, 0, nLevels, nSizes, grayLevels, zoneSizes, voxelCount, stats);
  const out = {} as Record<(typeof GLSZM_FEATURE_NAMES)[number], number>;
  GLSZM_FEATURE_NAMES.forEach((name, f) => {
    out[name] = stats[f];
  });
  return out;
}
