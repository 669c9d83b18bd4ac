import type { FeatureClassEntry } from '../features/base.js';
import { FIRSTORDER_FEATURES, firstOrderClass } from '../features/firstorder/firstorder.js';
import { glcmClass } from '../features/glcm/glcm-class.js';
import { gldmClass } from '../features/gldm/gldm-class.js';
import { glrlmClass } from '../features/glrlm/glrlm-class.js';
import { glszmClass } from '../features/glszm/glszm-class.js';
import { ngtdmClass } from '../features/ngtdm/ngtdm-class.js';
import { SHAPE_FEATURES, shapeClass } from '../features/shape/shape.js';
import { SHAPE2D_FEATURES, shape2DClass } from '../features/shape2d/shape2d.js';

/**
 * Registry of feature classes by PyRadiomics class name (`featureClass:` keys of a parameter file).
 *
 * To add a family, import its entry and add one line here; nothing else in extraction changes.
 * `shape` (and `shape2D`) are computed once, on the original image's morphological mask.
 */
export const FEATURE_CLASSES: Record<string, FeatureClassEntry> = {
  firstorder: { compute: firstOrderClass, defaultFeatures: FIRSTORDER_FEATURES, appliesTo: 'all' },
  shape: { compute: shapeClass, defaultFeatures: SHAPE_FEATURES, appliesTo: 'original' },
  shape2D: { compute: shape2DClass, defaultFeatures: SHAPE2D_FEATURES, appliesTo: 'original' },
  glcm: glcmClass,
  glrlm: glrlmClass,
  glszm: glszmClass,
  gldm: gldmClass,
  ngtdm: ngtdmClass,
};
