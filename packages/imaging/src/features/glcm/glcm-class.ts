import type { FeatureClassEntry } from '../base.js';
import { contextNeighbors, contextTexture, contextWeighting } from '../texture-common/texture-context.js';
import { GLCM_FEATURE_NAMES, glcmFeatures } from './glcm-features.js';
import { glcmOfVolume } from './glcm-matrix.js';

/** PyRadiomics `glcm` feature class: the 24 GLCM features of an extraction context. */
export const glcmClass: FeatureClassEntry = {
  compute: (context) => {
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), false);
    return glcmFeatures(
      glcmOfVolume(volume, offsets, {
        ...contextWeighting(context),
        symmetrical: context.settings.symmetricalGLCM,
      }),
    );
  },
  defaultFeatures: GLCM_FEATURE_NAMES,
  appliesTo: 'all',
};
