import type { FeatureClassEntry } from '../base.js';
import { contextTexture } from '../texture-common/texture-context.js';
import { GLSZM_FEATURE_NAMES, glszmFeatures } from './glszm-features.js';
import { glszmOfVolume } from './glszm-matrix.js';

/** PyRadiomics `glszm` feature class (zones are 26-connected whatever `distances` says, as PyRadiomics). */
export const glszmClass: FeatureClassEntry = {
  compute: (context) => {
    const { force2D, force2Ddimension } = context.settings;
    const { volume, offsets } = contextTexture(context, { distances: [1], force2D, force2Ddimension }, true);
    return glszmFeatures(glszmOfVolume(volume, offsets));
  },
  defaultFeatures: GLSZM_FEATURE_NAMES,
  appliesTo: 'all',
};
