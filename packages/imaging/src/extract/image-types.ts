import type { ImageType } from '../filters/image-type.js';
import {
  exponentialImageType,
  gradientImageType,
  lbp2DImageType,
  lbp3DImageType,
  logarithmImageType,
  logImageType,
  squareImageType,
  squareRootImageType,
  waveletImageType,
} from '../filters/image-types.js';

/** The `Original` image type: the preprocessed image itself, named `original`. */
export const originalImageType: ImageType = function* original(image) {
  yield { name: 'original', image };
};

/**
 * Registry of image types by PyRadiomics name (`imageType:` keys of a parameter file: `Original`, `LoG`,
 * `Wavelet`, `Square`, `SquareRoot`, `Logarithm`, `Exponential`, `Gradient`, `LBP2D`, `LBP3D`).
 *
 * To add one, import it and add one line here.
 */
export const IMAGE_TYPES: Record<string, ImageType> = {
  Original: originalImageType,
  LoG: logImageType,
  Wavelet: waveletImageType,
  Square: squareImageType,
  SquareRoot: squareRootImageType,
  Logarithm: logarithmImageType,
  Exponential: exponentialImageType,
  Gradient: gradientImageType,
  LBP2D: lbp2DImageType,
  LBP3D: lbp3DImageType,
};
