import type { FeatureClassEntry, RoiContext } from '../extract/feature-class.js';
import type { NeighbourOptions } from './angles.js';
import { GLCM_FEATURE_NAMES, glcmFeatures } from './glcm-features.js';
import { glcmMatrix } from './glcm-matrix.js';
import { GLDM_FEATURE_NAMES, gldmFeatures } from './gldm-features.js';
import { gldmMatrix } from './gldm-matrix.js';
import { GLRLM_FEATURE_NAMES, glrlmFeatures } from './glrlm-features.js';
import { glrlmMatrix } from './glrlm-matrix.js';
import { GLSZM_FEATURE_NAMES, glszmFeatures } from './glszm-features.js';
import { glszmMatrix } from './glszm-matrix.js';
import { NGTDM_FEATURE_NAMES, ngtdmFeatures } from './ngtdm-features.js';
import { ngtdmMatrix } from './ngtdm-matrix.js';
import type { TextureGrid } from './texture-grid.js';
import type { WeightingNorm } from './weighting.js';

function grid(context: RoiContext): TextureGrid {
  return { grayLevels: context.grayLevels, size: context.image.size };
}

function neighbours(context: RoiContext): NeighbourOptions {
  const { distances, force2D, force2Ddimension } = context.settings;
  return { distances, force2D, force2Ddimension };
}

function weighting(context: RoiContext) {
  return {
    weightingNorm: (context.settings.weightingNorm ?? null) as WeightingNorm | null,
    spacing: context.image.spacing,
  };
}

/** PyRadiomics `glcm` feature class: the 24 GLCM features of an extraction context. */
export const glcmClass: FeatureClassEntry = {
  compute: (context) =>
    glcmFeatures(
      glcmMatrix(grid(context), {
        ...neighbours(context),
        ...weighting(context),
        symmetrical: context.settings.symmetricalGLCM,
      }),
    ),
  defaultFeatures: GLCM_FEATURE_NAMES,
  appliesTo: 'all',
};

/** PyRadiomics `glrlm` feature class. */
export const glrlmClass: FeatureClassEntry = {
  compute: (context) =>
    glrlmFeatures(glrlmMatrix(grid(context), { ...neighbours(context), ...weighting(context) })),
  defaultFeatures: GLRLM_FEATURE_NAMES,
  appliesTo: 'all',
};

/** PyRadiomics `glszm` feature class (zones are 26-connected whatever `distances` says, as PyRadiomics). */
export const glszmClass: FeatureClassEntry = {
  compute: (context) => {
    const { force2D, force2Ddimension } = context.settings;
    return glszmFeatures(glszmMatrix(grid(context), { force2D, force2Ddimension }));
  },
  defaultFeatures: GLSZM_FEATURE_NAMES,
  appliesTo: 'all',
};

/** PyRadiomics `gldm` feature class (`gldm_a` is alpha). */
export const gldmClass: FeatureClassEntry = {
  compute: (context) =>
    gldmFeatures(gldmMatrix(grid(context), { ...neighbours(context), alpha: context.settings.gldm_a })),
  defaultFeatures: GLDM_FEATURE_NAMES,
  appliesTo: 'all',
};

/** PyRadiomics `ngtdm` feature class. */
export const ngtdmClass: FeatureClassEntry = {
  compute: (context) => ngtdmFeatures(ngtdmMatrix(grid(context), neighbours(context))),
  defaultFeatures: NGTDM_FEATURE_NAMES,
  appliesTo: 'all',
};
