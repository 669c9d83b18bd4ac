import type { FeatureClassEntry } from '../base.js';
import { contextGrid, contextNeighbors } from '../texture-common/texture-context.js';
import { NGTDM_FEATURE_NAMES, ngtdmFeatures } from './ngtdm-features.js';
import { ngtdmMatrix } from './ngtdm-matrix.js';

/** PyRadiomics `ngtdm` feature class. */
export const ngtdmClass: FeatureClassEntry = {
  compute: (context) => ngtdmFeatures(ngtdmMatrix(contextGrid(context), contextNeighbors(context))),
  defaultFeatures: NGTDM_FEATURE_NAMES,
  appliesTo: 'all',
};
