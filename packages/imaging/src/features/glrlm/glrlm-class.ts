import type { FeatureClassEntry } from '../base.js';
import { contextNeighbors, contextTexture, contextWeighting } from '../texture-common/texture-context.js';
import { GLRLM_FEATURE_NAMES, glrlmFeatures } from './glrlm-features.js';
import { glrlmOfVolume } from './glrlm-matrix.js';

/** PyRadiomics `glrlm` feature class. */
export const glrlmClass: FeatureClassEntry = {
  compute: (context) => {
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), false);
    return glrlmFeatures(glrlmOfVolume(volume, offsets, contextWeighting(context)));
  },
  defaultFeatures: GLRLM_FEATURE_NAMES,
  appliesTo: 'all',
};
