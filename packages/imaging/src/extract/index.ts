export { connectedComponents, pyTuple, voxelHash } from './diagnostics.js';
export { type ExtractionResult, extractFeatures, IMAGING_VERSION } from './extract-features.js';
export type { FeatureClass, FeatureClassEntry, RoiContext } from './feature-class.js';
export { FEATURE_CLASSES } from './feature-classes.js';
export {
  IBSI_FAMILY_OF_CLASS,
  type IbsiFamily,
  type IbsiFeatureValue,
  ibsiAggregationFor,
  ibsiFamilyFeatures,
} from './ibsi-features.js';
export type { DerivedImage, ImageType } from './image-type.js';
export { IMAGE_TYPES, originalImageType } from './image-types.js';
export { applyNanPolicy } from './nan-voxels.js';
export {
  type ExtractionParameters,
  parseParameters,
  readParameterFile,
  resolveSettings,
} from './parameters.js';
export type {
  Compliance,
  ExtractionSettings,
  IbsiAggregationSetting,
  InterpolatorName,
  NanVoxelPolicy,
  ResegmentMode,
} from './settings.js';
export { DEFAULT_SETTINGS, IBSI_AGGREGATION_SETTINGS } from './settings.js';
