import type { FeatureClassEntry } from '../base.js';
import { contextNeighbors, contextTexture } from '../texture-common/texture-context.js';
import { GLDM_FEATURE_NAMES, gldmFeatures } from './gldm-features.js';
import { gldmOfVolume } from './gldm-matrix.js';

/** PyRadiomics `gldm` feature class (`gldm_a` is alpha). */
export const gldmClass: FeatureClassEntry = {
  compute: (context) => {
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), true);
    return gldmFeatures(gldmOfVolume(volume, offsets, context.settings.gldm_a));
  },
  defaultFeatures: GLDM_FEATURE_NAMES,
  appliesTo: 'all',
};
