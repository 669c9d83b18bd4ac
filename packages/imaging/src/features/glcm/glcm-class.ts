import type { FeatureClassEntry } from '../base.js';
import { contextGrid, contextNeighbors, contextWeighting } from '../texture-common/texture-context.js';
import { GLCM_FEATURE_NAMES, glcmFeatures } from './glcm-features.js';
import { glcmMatrix } from './glcm-matrix.js';

/** PyRadiomics `glcm` feature class: the 24 GLCM features of an extraction context. */
export const glcmClass: FeatureClassEntry = {
  compute: (context) =>
    glcmFeatures(
      glcmMatrix(contextGrid(context), {
        ...contextNeighbors(context),
        ...contextWeighting(context),
        symmetrical: context.settings.symmetricalGLCM,
      }),
    ),
  defaultFeatures: GLCM_FEATURE_NAMES,
  appliesTo: 'all',
};
