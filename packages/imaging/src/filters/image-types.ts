import { gradientMagnitudeImage } from './gradient.js';
import type { ImageType } from './image-type.js';
import { exponentialImage, logarithmImage, squareImage, squareRootImage } from './intensity-filters.js';
import { laplacianOfGaussian, logImageName } from './laplacian-of-gaussian.js';
import { waveletImages } from './wavelet.js';

/**
 * PyRadiomics `LoG` image type: one `log-sigma-<s>-mm-3D` image per `sigma` setting (mm).
 * Unlike PyRadiomics, which logs a warning and skips a sigma too large for the image, this throws (see
 * {@link laplacianOfGaussian}) so that missing features never go unnoticed.
 */
export const logImageType: ImageType = function* log(image, _mask, settings) {
  for (const sigma of settings.sigma)
    yield { name: logImageName(sigma), image: laplacianOfGaussian(image, sigma) };
};

/** PyRadiomics `Wavelet` image type (`wavelet`, `start_level`, `level`, `force2D` settings). */
export const waveletImageType: ImageType = function* wavelet(image, _mask, settings) {
  yield* waveletImages(image, {
    wavelet: settings.wavelet,
    startLevel: settings.start_level,
    level: settings.level,
    force2D: settings.force2D,
    force2Ddimension: settings.force2Ddimension,
  });
};

/** PyRadiomics `Square` image type. */
export const squareImageType: ImageType = function* square(image) {
  yield { name: 'square', image: squareImage(image) };
};

/** PyRadiomics `SquareRoot` image type. */
export const squareRootImageType: ImageType = function* squareRoot(image) {
  yield { name: 'squareroot', image: squareRootImage(image) };
};

/** PyRadiomics `Logarithm` image type. */
export const logarithmImageType: ImageType = function* logarithm(image) {
  yield { name: 'logarithm', image: logarithmImage(image) };
};

/** PyRadiomics `Exponential` image type. */
export const exponentialImageType: ImageType = function* exponential(image) {
  yield { name: 'exponential', image: exponentialImage(image) };
};

/** PyRadiomics `Gradient` image type (`gradientUseSpacing`, default true, read from the extra settings). */
export const gradientImageType: ImageType = function* gradient(image, _mask, settings) {
  const useSpacing = settings.extra.gradientUseSpacing !== false;
  yield { name: 'gradient', image: gradientMagnitudeImage(image, { useSpacing }) };
};
