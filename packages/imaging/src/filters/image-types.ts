import { wholeRegion } from './filter-region.js';
import { gradientMagnitudeImage } from './gradient.js';
import type { ImageType } from './image-type.js';
import { exponentialImage, logarithmImage, squareImage, squareRootImage } from './intensity-filters.js';
import { laplacianOfGaussianRegion, logImageName } from './laplacian-of-gaussian.js';
import { type Lbp2DMethod, lbp2DImage } from './lbp-2d.js';
import { lbp3DImages } from './lbp-3d.js';
import { waveletImagesRegion } from './wavelet.js';

/**
 * PyRadiomics `LoG` image type: one `log-sigma-<s>-mm-3D` image per `sigma` setting (mm).
 * Unlike PyRadiomics, which logs a warning and skips a sigma too large for the image, this throws (see
 * {@link laplacianOfGaussianRegion}) so that missing features never go unnoticed. Given a `region`, the images
 * are computed on it only, with the values of the whole-image filter.
 */
export const logImageType: ImageType = function* log(image, _mask, settings, region) {
  for (const sigma of settings.sigma) {
    yield {
      name: logImageName(sigma),
      image: laplacianOfGaussianRegion(image, sigma, region ?? wholeRegion(image)),
    };
  }
};

/**
 * PyRadiomics `Wavelet` image type (`wavelet`, `start_level`, `level`, `force2D` settings). Given a `region`,
 * the bands are computed on it only, with the values of the whole-image decomposition.
 */
export const waveletImageType: ImageType = function* wavelet(image, _mask, settings, region) {
  yield* waveletImagesRegion(image, region ?? wholeRegion(image), {
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

/**
 * PyRadiomics `LBP2D` image type: `lbp-2D` ({@link lbp2DImage}) with `lbp2DRadius` (default 1),
 * `lbp2DSamples` (8) and `lbp2DMethod` ('uniform') from the extra settings, slices across `force2Ddimension`.
 */
export const lbp2DImageType: ImageType = function* lbp2D(image, _mask, settings) {
  const extra = settings.extra;
  yield {
    name: 'lbp-2D',
    image: lbp2DImage(image, {
      radius: (extra.lbp2DRadius as number | undefined) ?? 1,
      samples: (extra.lbp2DSamples as number | undefined) ?? 8,
      method: (extra.lbp2DMethod as Lbp2DMethod | undefined) ?? 'uniform',
      axis: settings.force2Ddimension as 0 | 1 | 2,
    }),
  };
};

/**
 * PyRadiomics `LBP3D` image type: `lbp-3D-m1` ... `lbp-3D-m<levels>` and `lbp-3D-k` ({@link lbp3DImages}) of
 * the ROI, with `lbp3DLevels` (default 2), `lbp3DIcosphereRadius` (1) and `lbp3DIcosphereSubdivision` (1) from
 * the extra settings.
 */
export const lbp3DImageType: ImageType = function* lbp3D(image, mask, settings) {
  const extra = settings.extra;
  const { levels, kurtosis } = lbp3DImages(image, mask, {
    levels: (extra.lbp3DLevels as number | undefined) ?? 2,
    icosphereRadius: (extra.lbp3DIcosphereRadius as number | undefined) ?? 1,
    icosphereSubdivision: (extra.lbp3DIcosphereSubdivision as number | undefined) ?? 1,
  });
  for (const [l, level] of levels.entries()) yield { name: `lbp-3D-m${l + 1}`, image: level };
  yield { name: 'lbp-3D-k', image: kurtosis };
};
