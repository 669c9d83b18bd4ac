import { EMPHASIS_STATISTIC_COUNT, emphasisStatistics } from '../texture-common/emphasis-statistics.js';
import { nanMean } from '../texture-common/nan-mean.js';
import type { GlrlmMatrix } from './glrlm-matrix.js';

/** The 16 GLRLM features of PyRadiomics, in the order of {@link emphasisStatistics}. */
export const GLRLM_FEATURE_NAMES = [
  'ShortRunEmphasis',
  'LongRunEmphasis',
  'GrayLevelNonUniformity',
  'GrayLevelNonUniformityNormalized',
  'RunLengthNonUniformity',
  'RunLengthNonUniformityNormalized',
  'RunPercentage',
  'GrayLevelVariance',
  'RunVariance',
  'RunEntropy',
  'LowGrayLevelRunEmphasis',
  'HighGrayLevelRunEmphasis',
  'ShortRunLowGrayLevelEmphasis',
  'ShortRunHighGrayLevelEmphasis',
  'LongRunLowGrayLevelEmphasis',
  'LongRunHighGrayLevelEmphasis',
] as const;

/**
 * The 16 GLRLM features of PyRadiomics (`RadiomicsGLRLM`), computed per angle with `Nr(angle)` = number of
 * runs and then averaged ignoring NaN. Run Percentage divides by `Np(angle) = sum_j j P(., j)` (the voxel count,
 * scaled by the weights when angles are merged), as PyRadiomics.
 * Matches `baseline_glrlm.csv` (brain1, brain2, breast1 and variants) to 1e-9 relative.
 * @example glrlmFeatures(glrlmMatrix(grid)).RunEntropy
 */
export function glrlmFeatures(matrix: GlrlmMatrix): Record<(typeof GLRLM_FEATURE_NAMES)[number], number> {
  const { values, nLevels, nRunLengths, nAngles, grayLevels, runLengths } = matrix;
  const stats = new Float64Array(nAngles * EMPHASIS_STATISTIC_COUNT);
  for (let a = 0; a < nAngles; a++) {
    const offset = a * nLevels * nRunLengths;
    let voxels = 0;
    for (let i = 0; i < nLevels; i++) {
      for (let c = 0; c < nRunLengths; c++) voxels += values[offset + i * nRunLengths + c] * runLengths[c];
    }
    emphasisStatistics(values, offset, nLevels, nRunLengths, grayLevels, runLengths, voxels, stats, a * 16);
  }
  const column = new Float64Array(nAngles);
  const out = {} as Record<(typeof GLRLM_FEATURE_NAMES)[number], number>;
  GLRLM_FEATURE_NAMES.forEach((name, f) => {
    for (let a = 0; a < nAngles; a++) column[a] = stats[a * EMPHASIS_STATISTIC_COUNT + f];
    out[name] = nanMean(column);
  });
  return out;
}
