import type { FeatureClassEntry } from '../base.js';
import { contextNeighbors, contextTexture } from '../texture-common/texture-context.js';
import { NGTDM_FEATURE_NAMES, ngtdmFeatures } from './ngtdm-features.js';
import { ngtdmOfVolume } from './ngtdm-matrix.js';

/** PyRadiomics `ngtdm` feature class. */
export const ngtdmClass: FeatureClassEntry = {
  compute: (context) => {
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), true);
    return ngtdmFeatures(ngtdmOfVolume(volume, offsets));
  },
  defaultFeatures: NGTDM_FEATURE_NAMES,
  appliesTo: 'all',
};
