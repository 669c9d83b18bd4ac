import type { FeatureClassEntry } from './feature-class.js';

/**
 * Registry of feature classes by PyRadiomics class name (`featureClass:` keys of a parameter file).
 *
 * To add a family, import its entry and add one line here; nothing else in extraction changes.
 * `shape` and `shape2D` are computed once on the original image's morphological mask.
 */
export const FEATURE_CLASSES: Record<string, FeatureClassEntry> = {};
