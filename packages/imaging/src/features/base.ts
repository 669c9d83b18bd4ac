import type { Image } from '../image/types.js';
import type { ExtractionSettings } from '../settings.js';

/**
 * Everything a feature class needs for one (image type, ROI) pair. Built by `extractFeatures` after
 * preprocessing (resampling, normalisation, filtering, resegmentation, discretisation).
 *
 * All arrays are on the grid of `image`, which is **cropped to the ROI bounding box without padding**
 * (the feature classes never need voxels outside the ROI), x fastest as documented on {@link Image}:
 * `index = i + size[0] * (j + size[1] * k)`.
 */
export interface RoiContext {
  /** Intensities of the (possibly filtered) image, cropped to the ROI bounding box; `Float64Array` data. */
  image: Image;
  /** 1 where the voxel belongs to the ROI used for intensity and texture features (after resegmentation), else 0. */
  mask: Uint8Array;
  /** 1 where the voxel belongs to the ROI used for shape features (before resegmentation unless `resegmentShape`). */
  morphologicalMask: Uint8Array;
  /**
   * Discretised grey level per voxel: 1..`nLevels` inside `mask`, 0 outside. Computed by fixed bin width
   * (bins aligned to multiples of `binWidth`, as PyRadiomics) or by `binCount`; with `compliance: 'ibsi'` by
   * `ibsiDiscretize` (bins from the lower resegmentation bound or the ROI minimum). Levels may be empty (no
   * voxel). All 0 for the classes that run on the original image only (shape), which do not read them.
   */
  grayLevels: Int32Array;
  /** Highest grey level present (PyRadiomics `Ng` before empty levels are dropped). */
  nLevels: number;
  /** Number of voxels in `mask`. */
  voxelCount: number;
  /** Effective settings: the extraction settings merged with this image type's custom settings. */
  settings: ExtractionSettings;
  /** Image type name as it prefixes feature names: `original`, `log-sigma-3-0-mm-3D`, `wavelet-LLH`... */
  imageTypeName: string;
  /** Bounding box of the ROI on the uncropped grid: lower index and size per axis (i, j, k). */
  boundingBox: { lower: [number, number, number]; size: [number, number, number] };
}

/**
 * A feature class: computes every feature of one PyRadiomics family for one ROI.
 *
 * Keys are PyRadiomics feature names without prefix (`'Contrast'`, `'10Percentile'`); extraction prefixes
 * them as `<imageTypeName>_<className>_<key>`. A class returns **all** its features (the extraction filters
 * the ones enabled in the parameter file), always the same keys for every input; NaN where PyRadiomics gives
 * NaN. It must be a pure function of the context (it runs in worker threads).
 */
export type FeatureClass = (context: RoiContext) => Record<string, number>;

/** A registered feature class, with the feature names PyRadiomics enables by default. */
export interface FeatureClassEntry {
  /** The computation. */
  compute: FeatureClass;
  /**
   * Feature names enabled when the parameter file lists the class with no names (`firstorder:` or
   * `firstorder: []`). Deprecated features that PyRadiomics only computes on request are left out here.
   */
  defaultFeatures: readonly string[];
  /**
   * Which image types the class applies to: `'all'` for every image type (firstorder, texture), `'original'`
   * for the original image only (shape, as PyRadiomics).
   */
  appliesTo: 'all' | 'original';
}
