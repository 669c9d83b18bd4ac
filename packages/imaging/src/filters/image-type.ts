import type { Image } from '../image/types.js';
import type { BoundingBox } from '../preprocess/roi-mask.js';
import type { ExtractionSettings } from '../settings.js';

/** One derived image produced by an image type. */
export interface DerivedImage {
  /** Name used as feature prefix: `original`, `log-sigma-3-0-mm-3D`, `wavelet-LLH`, `square`, ... (as PyRadiomics). */
  name: string;
  /**
   * The derived image on the same grid as the input (same size, spacing, origin, direction), or, when the
   * image type was given a `region` and computes only that, on the region (as `cropImage(image, region)`).
   */
  image: Image;
}

/**
 * An image type (PyRadiomics `imageType:` key): turns the preprocessed image into zero or more derived images.
 *
 * Receives the full preprocessed image (after normalisation and resampling; cropped to the ROI bounding box
 * plus `padDistance` only when resampled or `preCrop`), the binary ROI mask on the same grid (1 inside), and
 * the settings merged with this image type's custom settings (e.g. `sigma` for LoG). Must not modify its inputs.
 * `region`, when given, is the box of voxels the caller reads (the ROI's bounding box): an image type may
 * then return its images on that box only, with the values the whole image would have there (`LoG` and
 * `Wavelet` do), or on the whole grid.
 */
export type ImageType = (
  image: Image,
  mask: Uint8Array,
  settings: ExtractionSettings,
  region?: BoundingBox,
) => Iterable<DerivedImage>;
