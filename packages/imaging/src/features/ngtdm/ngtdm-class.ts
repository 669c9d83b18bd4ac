import type { FeatureClassEntry } from '../base.js';
import {
  contextNeighborSums,
  contextNeighbors,
  contextTexture,
  sharesNeighborScan,
} from '../texture-common/texture-context.js';
import { NGTDM_FEATURE_NAMES, ngtdmFeatures } from './ngtdm-features.js';
import { ngtdmOfNeighborSums, ngtdmOfVolume } from './ngtdm-matrix.js';

/** PyRadiomics `ngtdm` feature class. */
export const ngtdmClass: FeatureClassEntry = {
  compute: (context) => {
    if (sharesNeighborScan(context)) {
      // the neighbour scan GLDM (alpha 0) shares
      const { volume, sums } = contextNeighborSums(context, contextNeighbors(context));
      return ngtdmFeatures(ngtdmOfNeighborSums(volume, sums));
    }
    const { volume, offsets } = contextTexture(context, contextNeighbors(context), true);
    return ngtdmFeatures(ngtdmOfVolume(volume, offsets));
  },
  defaultFeatures: NGTDM_FEATURE_NAMES,
  appliesTo: 'all',
};
