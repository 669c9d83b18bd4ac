export { checkFilterInput } from './filter-input.js';
export { type GradientOptions, gradientMagnitudeImage } from './gradient.js';
export {
  type IbsiLaplacianOfGaussianOptions,
  ibsiLaplacianOfGaussian,
} from './ibsi-laplacian-of-gaussian.js';
export { type IbsiWaveletOptions, ibsiWavelet } from './ibsi-wavelet.js';
export {
  exponentialImageType,
  gradientImageType,
  logarithmImageType,
  logImageType,
  squareImageType,
  squareRootImageType,
  waveletImageType,
} from './image-types.js';
export { exponentialImage, logarithmImage, squareImage, squareRootImage } from './intensity-filters.js';
export {
  type LaplacianOfGaussianOptions,
  laplacianOfGaussian,
  logImageName,
} from './laplacian-of-gaussian.js';
export { convolveAxisMirror, mirrorIndex } from './mirror-convolution.js';
export {
  type RecursiveGaussianCoefficients,
  recursiveFilterAxis,
  recursiveFilterLine,
  recursiveGaussianCoefficients,
} from './recursive-gaussian.js';
export {
  WAVELET_DEC_LO,
  WAVELET_NAMES,
  type WaveletBand,
  type WaveletOptions,
  waveletImages,
} from './wavelet.js';
