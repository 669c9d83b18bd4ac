import type { IvhDiscretization } from './ibsi/ibsi-roi-families.js';
import type { IbsiAggregationSetting } from './ibsi/settings.js';

/** Interpolators accepted for resampling, named as SimpleITK (and PyRadiomics' `interpolator` setting). */
export type InterpolatorName = 'sitkNearestNeighbor' | 'sitkLinear' | 'sitkBSpline';

/** How `resegmentRange` is read (PyRadiomics `resegmentMode`). */
export type ResegmentMode = 'absolute' | 'relative' | 'sigma';

/** Which conventions extraction follows (`compliance` setting). */
export type Compliance = 'pyradiomics' | 'ibsi';

/** What extraction does with NaN voxels inside the ROI (`nanVoxels` setting). */
export type NanVoxelPolicy = 'error' | 'exclude';

/**
 * Extraction settings: the keys of the `setting:` block of a PyRadiomics parameter file, with PyRadiomics'
 * defaults. {@link resolveSettings} fills a partial object; parameter files are read by `readParameterFile`.
 *
 * Keys that only some image types or feature classes use (LoG `sigma`, wavelet options, texture options) are
 * typed here too so that every feature class reads one object; keys this toolkit does not know are kept in
 * `extra` untouched.
 */
export interface ExtractionSettings {
  /** Label value of the ROI in the mask (PyRadiomics `label`). @default 1 */
  label: number;
  /** Fixed bin width of the discretisation, in image units (PyRadiomics `binWidth`). @default 25 */
  binWidth: number;
  /** Fixed bin count; when not `null` it overrides `binWidth` (PyRadiomics `binCount`). @default null */
  binCount: number | null;
  /** Target voxel spacing in mm, or `null` for no resampling (PyRadiomics `resampledPixelSpacing`). A 0 keeps that axis. @default null */
  resampledPixelSpacing: [number, number, number] | null;
  /** Interpolator of the image when resampling; the mask is resampled as PyRadiomics does it. @default 'sitkBSpline' */
  interpolator: InterpolatorName;
  /** Voxels of padding kept around the ROI when resampling / pre-cropping (PyRadiomics `padDistance`). @default 5 */
  padDistance: number;
  /** Normalise the whole image to z-scores before extraction (PyRadiomics `normalize`). @default false */
  normalize: boolean;
  /** Scale applied after normalisation (PyRadiomics `normalizeScale`). @default 1 */
  normalizeScale: number;
  /** Clip normalised values to +/- this many standard deviations (PyRadiomics `removeOutliers`). @default null */
  removeOutliers: number | null;
  /** Resegmentation range `[lower]` or `[lower, upper]`, read according to `resegmentMode` (PyRadiomics `resegmentRange`). @default null */
  resegmentRange: number[] | null;
  /** Meaning of `resegmentRange` (PyRadiomics `resegmentMode`). @default 'absolute' */
  resegmentMode: ResegmentMode;
  /** Also resegment the mask used for shape features (PyRadiomics `resegmentShape`). @default false */
  resegmentShape: boolean;
  /** Extract features per slice (2D) (PyRadiomics `force2D`). @default false */
  force2D: boolean;
  /** Axis (0 = z, 1 = y, 2 = x in PyRadiomics' numpy order) treated as the out-of-plane axis when `force2D`. @default 0 */
  force2Ddimension: number;
  /** Constant added to intensities for first-order Energy / TotalEnergy / RMS (PyRadiomics `voxelArrayShift`). @default 0 */
  voxelArrayShift: number;
  /** Largest allowed difference in origin/spacing/direction between image and mask (PyRadiomics `geometryTolerance`). @default 1e-6 (SimpleITK's default, which PyRadiomics uses when unset) */
  geometryTolerance: number;
  /** Resample the mask onto the image grid when geometries differ but the mask lies inside the image (PyRadiomics `correctMask`). @default false */
  correctMask: boolean;
  /** Minimum number of dimensions spanned by the ROI (1, 2 or 3) (PyRadiomics `minimumROIDimensions`). @default 2 */
  minimumROIDimensions: number;
  /** Minimum number of voxels in the ROI, or `null` (PyRadiomics `minimumROISize`). @default null */
  minimumROISize: number | null;
  /** Crop image and mask to the ROI bounding box (plus `padDistance`) before filtering (PyRadiomics `preCrop`). @default false */
  preCrop: boolean;
  /** Add `diagnostics_*` entries to the output (PyRadiomics `additionalInfo`). @default true */
  additionalInfo: boolean;
  /** Texture: neighbour distances (PyRadiomics `distances`). @default [1] */
  distances: number[];
  /** Texture: symmetrical GLCM (PyRadiomics `symmetricalGLCM`). @default true */
  symmetricalGLCM: boolean;
  /** Texture: distance weighting norm, `'manhattan' | 'euclidean' | 'infinity' | 'no_weighting'` or null (PyRadiomics `weightingNorm`). @default null */
  weightingNorm: string | null;
  /** GLDM coarseness parameter alpha (PyRadiomics `gldm_a`). @default 0 */
  gldm_a: number;
  /** LoG sigmas in mm (PyRadiomics `sigma`). @default [] */
  sigma: number[];
  /** Wavelet name (PyRadiomics `wavelet`). @default 'coif1' */
  wavelet: string;
  /** First wavelet level (PyRadiomics `start_level`). @default 0 */
  start_level: number;
  /** Number of wavelet levels (PyRadiomics `level`). @default 1 */
  level: number;
  /**
   * Conventions of the extraction (not a PyRadiomics key). `'pyradiomics'` reproduces PyRadiomics.
   * `'ibsi'` follows the IBSI 1 reference manual: resampling on the IBSI grid (grid centres aligned,
   * `ibsiResample`; mask interpolated linearly and kept at >= 0.5; image interpolated by `interpolator`, then
   * rounded when `ibsiRoundIntensities`), resegmentation by `resegmentRange` then `ibsiOutlierSigma`, fixed
   * bin size bins starting at the lower resegmentation bound (absolute mode) or at the ROI minimum
   * (`ibsiDiscretize`), and the result's `ibsiFeatures` holds the IBSI features (names and codes) of the
   * enabled classes with the `ibsiAggregation` methods. PyRadiomics-named features are computed on the same
   * IBSI-processed ROI.
   * @default 'pyradiomics'
   */
  compliance: Compliance;
  /**
   * IBSI mode: texture aggregation method(s), one value or a list; each gives its own `ibsiFeatures` entries.
   * The default is IBSI "3D, averaged" (the closest to PyRadiomics, which averages GLCM and GLRLM features
   * over the 13 directions); IBSI itself does not prescribe one.
   * @default ['3D_averaged']
   */
  ibsiAggregation: IbsiAggregationSetting[];
  /** IBSI mode: after `resegmentRange`, also drop voxels outside `mean +/- ibsiOutlierSigma * SD` of the ROI (IBSI outlier filtering), or null. @default null */
  ibsiOutlierSigma: number | null;
  /** IBSI mode: round interpolated intensities to integers (IBSI, for CT in HU); set false for MR/PET. @default true */
  ibsiRoundIntensities: boolean;
  /**
   * IBSI mode: discretisation of the intensity-volume histogram (with the `shape` class), `'none'` (the
   * intensities themselves, unit step: integer HU), `{ binWidth }` (bins from the lower `resegmentRange` bound)
   * or `{ binCount }` (IBSI 1 CT phantom: A, B, D `'none'`, C `{ binWidth: 2.5 }`, E `{ binCount: 1000 }`).
   * @default 'none'
   */
  ibsiIvh: IvhDiscretization;
  /**
   * NaN voxels inside the ROI (not a PyRadiomics key: PyRadiomics gives them no bin). `'error'` throws a
   * `TaceError` (`MISSING_VALUE`) naming the image and the count; `'exclude'` drops them from the ROI used for
   * intensity and texture features (not from the shape mask) and reports the count in
   * `diagnostics_Mask-original_NaNVoxels` (and `diagnostics_Mask-<imageType>_NaNVoxels` for a filtered image
   * where a filter produced NaN).
   * @default 'error'
   */
  nanVoxels: NanVoxelPolicy;
  /**
   * Largest number of voxels of a grid derived from a setting (the resampled image), checked before
   * allocating (not a PyRadiomics key: PyRadiomics has no limit and runs out of memory).
   * @default 134217728 (2^27, 1 GiB as float64)
   */
  maxVoxels: number;
  /**
   * Largest number of grey levels (bins) of the discretisation, checked before allocating (not a PyRadiomics
   * key; texture matrices grow with its square).
   * @default 10000
   */
  maxGrayLevels: number;
  /**
   * Keys passed through untouched (read by a custom feature class or image type). Other unknown keys in
   * `setting` are an error naming the nearest known key, as PyRadiomics validates parameter files against
   * its schema.
   * @default {}
   */
  extra: Record<string, unknown>;
}

/** PyRadiomics' default settings. */
export const DEFAULT_SETTINGS: Readonly<ExtractionSettings> = Object.freeze({
  label: 1,
  binWidth: 25,
  binCount: null,
  resampledPixelSpacing: null,
  interpolator: 'sitkBSpline',
  padDistance: 5,
  normalize: false,
  normalizeScale: 1,
  removeOutliers: null,
  resegmentRange: null,
  resegmentMode: 'absolute',
  resegmentShape: false,
  force2D: false,
  force2Ddimension: 0,
  voxelArrayShift: 0,
  geometryTolerance: 1e-6,
  correctMask: false,
  minimumROIDimensions: 2,
  minimumROISize: null,
  preCrop: false,
  additionalInfo: true,
  distances: [1],
  symmetricalGLCM: true,
  weightingNorm: null,
  gldm_a: 0,
  sigma: [],
  wavelet: 'coif1',
  start_level: 0,
  level: 1,
  compliance: 'pyradiomics',
  ibsiAggregation: ['3D_averaged'],
  ibsiOutlierSigma: null,
  ibsiRoundIntensities: true,
  ibsiIvh: 'none',
  nanVoxels: 'error',
  maxVoxels: 2 ** 27,
  maxGrayLevels: 10_000,
  extra: {},
}) as ExtractionSettings;
