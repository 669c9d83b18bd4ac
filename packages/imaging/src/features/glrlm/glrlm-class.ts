import type { FeatureClassEntry } from '../base.js';
import { contextGrid, contextNeighbors, contextWeighting } from '../texture-common/texture-context.js';
import { GLRLM_FEATURE_NAMES, glrlmFeatures } from './glrlm-features.js';
import { glrlmMatrix } from './glrlm-matrix.js';

/** PyRadiomics `glrlm` feature class. */
export const glrlmClass: FeatureClassEntry = {
  compute: (context) =>
    glrlmFeatures(
      glrlmMatrix(contextGrid(context), { ...contextNeighbors(context), ...contextWeighting(context) }),
    ),
  defaultFeatures: GLRLM_FEATURE_NAMES,
  appliesTo: 'all',
};
