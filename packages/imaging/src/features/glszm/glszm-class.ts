import type { FeatureClassEntry } from '../base.js';
import { contextGrid } from '../texture-common/texture-context.js';
import { GLSZM_FEATURE_NAMES, glszmFeatures } from './glszm-features.js';
import { glszmMatrix } from './glszm-matrix.js';

/** PyRadiomics `glszm` feature class (zones are 26-connected whatever `distances` says, as PyRadiomics). */
export const glszmClass: FeatureClassEntry = {
  compute: (context) => {
    const { force2D, force2Ddimension } = context.settings;
    return glszmFeatures(glszmMatrix(contextGrid(context), { force2D, force2Ddimension }));
  },
  defaultFeatures: GLSZM_FEATURE_NAMES,
  appliesTo: 'all',
};
