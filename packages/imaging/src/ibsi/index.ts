export { type IbsiDiscretiseOptions, ibsiDiscretise } from './discretise.js';
export {
  type IbsiInterpolateOptions,
  ibsiInterpolate,
  ibsiResegmentInPlace,
} from './interpolate.js';
export { type IbsiPrepared, type IbsiPrepareSettings, ibsiPrepare } from './prepare.js';
export { ibsiResample } from './resample.js';
export { IBSI_STATISTIC_FEATURES, IBSI_STATISTIC_TAGS, ibsiStatistics } from './statistics.js';
export {
  IBSI_DIRECTIONAL_AGGREGATIONS,
  IBSI_TEXTURE_FEATURES,
  IBSI_VOLUME_AGGREGATIONS,
  type IbsiAggregation,
  type IbsiTextureFamily,
  ibsiTextureFeatures,
} from './texture-aggregation.js';
export {
  IBSI_GLCM,
  IBSI_GLRLM,
  IBSI_GLSZM,
  IBSI_NGLDM,
  IBSI_NGTDM,
  type IbsiFeature,
} from './texture-codes.js';
