import type { FeatureClassEntry } from '../base.js';
import { contextGrid, contextNeighbors } from '../texture-common/texture-context.js';
import { GLDM_FEATURE_NAMES, gldmFeatures } from './gldm-features.js';
import { gldmMatrix } from './gldm-matrix.js';

/** PyRadiomics `gldm` feature class (`gldm_a` is alpha). */
export const gldmClass: FeatureClassEntry = {
  compute: (context) =>
    gldmFeatures(
      gldmMatrix(contextGrid(context), { ...contextNeighbors(context), alpha: context.settings.gldm_a }),
    ),
  defaultFeatures: GLDM_FEATURE_NAMES,
  appliesTo: 'all',
};
