import type { FeatureClassEntry } from '../base.js';
import {
  contextNeighborSums,
  contextNeighbors,
  contextTexture,
  sharesNeighborScan,
} from '../texture-common/texture-context.js';
import { GLDM_FEATURE_NAMES, gldmFeatures } from './gldm-features.js';
import { gldmOfNeighborSums, gldmOfVolume } from './gldm-matrix.js';

/** PyRadiomics `gldm` feature class (`gldm_a` is alpha). */
export const gldmClass: FeatureClassEntry = {
  compute: (context) => {
    if (context.settings.gldm_a === 0 && sharesNeighborScan(context)) {
      // the neighbour scan NGTDM shares
      const { offsets, volume, sums } = contextNeighborSums(context, contextNeighbors(context));
      return gldmFeatures(gldmOfNeighborSums(volume, sums, offsets.length / 3));
    }
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), true);
    return gldmFeatures(gldmOfVolume(volume, offsets, context.settings.gldm_a));
  },
  defaultFeatures: GLDM_FEATURE_NAMES,
  appliesTo: 'all',
};
