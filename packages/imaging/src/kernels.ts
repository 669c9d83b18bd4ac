/**
 * Array-level kernels of @tace/imaging (see the package README, "Two levels"): texture matrices and their
 * features over a discretized grid, first-order statistics of an array of values, shape features of a binary
 * mask array, filters on typed arrays, discretization and resegmentation of arrays.
 * @module
 */

// Deep-learning arm: the trilinear sampler of the crops
export { type Grid, sampleOnGrid } from './deep/crop/grid.js';
// First-order and shape features of arrays
export {
  type FirstOrderOptions,
  type FirstOrderStatistics,
  firstOrderFeatures,
  firstOrderStatistics,
} from './features/firstorder/firstorder.js';
export { ibsiStatistics } from './features/firstorder/ibsi-statistics.js';
// Texture matrices and features over a discretized grid
export { glcmFeatures } from './features/glcm/glcm-features.js';
export {
  GLCM_MAX_CELLS,
  type GlcmMatrix,
  type GlcmOptions,
  glcmMatrix,
} from './features/glcm/glcm-matrix.js';
export { gldmFeatures } from './features/gldm/gldm-features.js';
export { type GldmMatrix, type GldmOptions, gldmMatrix } from './features/gldm/gldm-matrix.js';
export { glrlmFeatures } from './features/glrlm/glrlm-features.js';
export { type GlrlmMatrix, type GlrlmOptions, glrlmMatrix } from './features/glrlm/glrlm-matrix.js';
export { glszmFeatures } from './features/glszm/glszm-features.js';
export { type GlszmMatrix, type GlszmOptions, glszmMatrix } from './features/glszm/glszm-matrix.js';
export { ngtdmFeatures } from './features/ngtdm/ngtdm-features.js';
export { type NgtdmMatrix, type NgtdmOptions, ngtdmMatrix } from './features/ngtdm/ngtdm-matrix.js';
export { shapeFeatures } from './features/shape/shape.js';
export { shape2DFeatures } from './features/shape2d/shape2d.js';
export type { NeighborOptions } from './features/texture-common/angles.js';
export {
  MAX_GRAY_LEVEL,
  type RoiLevels,
  roiLevels,
  type TextureGrid,
} from './features/texture-common/texture-grid.js';
export type { WeightingNorm } from './features/texture-common/weighting.js';
// Filters on typed arrays
export { convolveAxisMirror } from './filters/mirror-convolution.js';
export {
  type RecursiveGaussianCoefficients,
  recursiveFilterAxis,
  recursiveFilterLine,
  recursiveGaussianCoefficients,
} from './filters/recursive-gaussian.js';
export { ibsiTextureFeatures } from './ibsi/texture-aggregation.js';
// Preprocessing of arrays
export { cropArray, padBox } from './preprocess/crop.js';
export { binEdges, type DiscretizeOptions, digitize, discretize } from './preprocess/discretize.js';
export { type IbsiDiscretizeOptions, ibsiDiscretize } from './preprocess/ibsi-discretize.js';
export { ibsiResegmentInPlace } from './preprocess/ibsi-interpolate.js';
export { bsplineCoefficients } from './preprocess/resample.js';
export { resegment } from './preprocess/resegment.js';
