import { TaceError } from '@tace/core';
import type { FeatureClassEntry, RoiContext } from '../features/base.js';
import { shareNeighborScan } from '../features/texture-common/texture-context.js';
import { ibsiExtractionRoiFamilies } from '../ibsi/extraction-roi-families.js';
import { IBSI_FAMILY_OF_CLASS, type IbsiFeatureValue, ibsiFamilyFeatures } from '../ibsi/ibsi-features.js';
import type { Image } from '../image/types.js';
import { cropArray, cropGeometry, cropImage, cropToFloat64, padBox } from '../preprocess/crop.js';
import { discretize } from '../preprocess/discretize.js';
import { assertSameGeometry, sameGeometry } from '../preprocess/geometry-check.js';
import { ibsiDiscretize } from '../preprocess/ibsi-discretize.js';
import { ibsiInterpolate, ibsiResegmentInPlace } from '../preprocess/ibsi-interpolate.js';
import { normalizeImage } from '../preprocess/normalize.js';
import { resampleToReference, resampleToSpacing } from '../preprocess/resample.js';
import { resegment } from '../preprocess/resegment.js';
import {
  type BoundingBox,
  checkRoi,
  roiStats,
  selectLabelStats,
  validateRoi,
} from '../preprocess/roi-mask.js';
import { assertImageShape } from '../preprocess/size-bounds.js';
import type { ExtractionSettings } from '../settings.js';
import { imageDiagnostics, maskDiagnostics } from './diagnostics.js';
import { FEATURE_CLASSES } from './feature-classes.js';
import { IMAGE_TYPES } from './image-types.js';
import { applyNanPolicy, applyNonFinitePolicy } from './nan-voxels.js';
import { type ExtractionParameters, resolveSettings } from './parameters.js';

/** Version string written to `diagnostics_Versions_tace-imaging`. */
export const IMAGING_VERSION = '0.1.0';

/** Result of {@link extractFeatures}: features by PyRadiomics name and diagnostics. */
export interface ExtractionResult {
  /** `<imageType>_<class>_<feature>` -> value, e.g. `original_firstorder_Mean`. */
  features: Record<string, number>;
  /** `diagnostics_*` -> value, as PyRadiomics (versions, settings, image and mask statistics). */
  diagnostics: Record<string, string | number>;
  /**
   * IBSI features with IBSI names and codes (`compliance: 'ibsi'`): for each image type, the IBSI family of
   * each enabled class (see `IBSI_FAMILY_OF_CLASS`) with each `ibsiAggregation`; with the `shape` class (which
   * gives no PyRadiomics shape features there), the IBSI morphology, local intensity, intensity histogram,
   * intensity-volume histogram (`ibsiIvh`) and GLDZM of the original image. Always `[]` in PyRadiomics mode.
   */
  ibsiFeatures: IbsiFeatureValue[];
}

/** The classes to run: those of the parameter file, else every registered class (shape2D only with force2D). */
function enabledClasses(
  parameters: ExtractionParameters,
  settings: ExtractionSettings,
): [string, FeatureClassEntry, string[] | null][] {
  const requested =
    parameters.featureClass ??
    Object.fromEntries(
      Object.keys(FEATURE_CLASSES)
        .filter((k) => k !== 'shape2D' || settings.force2D)
        .map((k) => [k, null]),
    );
  const out: [string, FeatureClassEntry, string[] | null][] = [];
  for (const [name, features] of Object.entries(requested)) {
    const entry = FEATURE_CLASSES[name];
    if (entry === undefined) {
      throw new TaceError('UNSUPPORTED', `feature class "${name}" is not available`, {
        param: 'featureClass',
        remedy: `use one of ${Object.keys(FEATURE_CLASSES).join(', ')}`,
      });
    }
    out.push([
      name,
      entry,
      features !== null && features !== undefined && features.length > 0 ? features : null,
    ]);
  }
  return out;
}

function addFeatures(
  target: Record<string, number>,
  prefix: string,
  values: Record<string, number>,
  entry: FeatureClassEntry,
  selection: string[] | null,
): void {
  for (const name of selection ?? entry.defaultFeatures) {
    if (!(name in values)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `feature "${name}" is not part of class ${prefix.split('_')[1]}`,
        {
          param: 'featureClass',
        },
      );
    }
    target[`${prefix}${name}`] = values[name]!;
  }
}

/**
 * Extracts radiomic features from one image and its mask as PyRadiomics `RadiomicsFeatureExtractor.execute`:
 * label selection and geometry check, optional normalisation, resampling, mask checks, shape features on
 * the original mask, resegmentation, then for each image type and each feature class the features of the
 * ROI, named `<imageType>_<class>_<feature>`.
 *
 * Settings use PyRadiomics' parameter-file keys (see {@link ExtractionSettings}); read a file with
 * `readParameterFile`.
 *
 * With `compliance: 'ibsi'` the preprocessing follows IBSI 1 instead (IBSI grid alignment when resampling,
 * `ibsiOutlierSigma` after `resegmentRange`, fixed bin size bins from the lower resegmentation bound) and
 * `ibsiFeatures` lists the IBSI features (names, codes, aggregation methods of `ibsiAggregation`) of the
 * enabled classes, the `shape` class giving IBSI morphology, local intensity, intensity histogram,
 * intensity-volume histogram and GLDZM instead of PyRadiomics' shape features; the IBSI 1 CT phantom
 * configurations A-E are reproduced within the published tolerances (README, "IBSI mode"). NaN voxels inside
 * the ROI follow `nanVoxels`.
 *
 * @throws {TaceError} `GEOMETRY_MISMATCH` when the mask is not on the image grid (and `correctMask` is off),
 *   `EMPTY_INPUT` for an absent label, an empty or one-voxel ROI, `UNSUPPORTED` for unknown classes or image types,
 *   `MISSING_VALUE` for NaN voxels in the ROI (`nanVoxels: 'error'`, naming the image type and the count),
 *   `INVALID_ARGUMENT` in IBSI mode for more than 10^4 grey levels.
 * @example
 * const { features } = extractFeatures(ct, mask, { setting: { binWidth: 25, label: 1 } });
 * features.original_firstorder_Mean;
 * const { ibsiFeatures } = extractFeatures(ct, mask, {
 *   setting: { compliance: 'ibsi', resegmentRange: [-1000, 400], ibsiAggregation: ['3D_merged'] },
 * });
 * ibsiFeatures.find((f) => f.code === 'GYBY'); // { family: 'glcm', name: 'Joint maximum', aggregation: '3D, merged', ... }
 */
export function extractFeatures(
  image: Image,
  mask: Image,
  parameters: ExtractionParameters = {},
): ExtractionResult {
  const settings = resolveSettings(parameters.setting ?? {});
  assertImageShape(image, 'image');
  assertImageShape(mask, 'mask');
  const ibsi = settings.compliance === 'ibsi';
  const imageTypes = parameters.imageType ?? { Original: {} };
  const classes = enabledClasses(parameters, settings);
  const diagnostics: Record<string, string | number> = {};
  if (settings.additionalInfo) {
    diagnostics['diagnostics_Versions_tace-imaging'] = IMAGING_VERSION;
    diagnostics.diagnostics_Configuration_Settings = JSON.stringify(settings);
    diagnostics.diagnostics_Configuration_EnabledImageTypes = JSON.stringify(imageTypes);
  }
  // 1. label and geometry
  let labelMap = mask;
  if (!sameGeometry(image, mask, settings.geometryTolerance)) {
    if (!settings.correctMask) assertSameGeometry(image, mask, settings.geometryTolerance);
    labelMap = resampleToReference(mask, image, 'sitkNearestNeighbor');
  }
  // the ROI, its box and voxel count, and the image's sum, minimum and maximum: one pass over both
  const labelled = selectLabelStats(
    labelMap,
    settings.label,
    image.size,
    settings.additionalInfo ? image.data : null,
  );
  let roi = labelled.roi;
  let stats = labelled.stats;
  if (settings.additionalInfo) {
    const original = validateRoi(stats, { minimumROIDimensions: 1 });
    Object.assign(diagnostics, imageDiagnostics('original', image, true, labelled.range));
    // PyRadiomics hashes the mask after casting it to UInt32 (imageoperations.getMask)
    Object.assign(diagnostics, maskDiagnostics('original', image, roi, original.box, mask.data));
  }
  // 2. normalisation and resampling
  let work = image;
  if (settings.normalize) {
    work = normalizeImage(work, { scale: settings.normalizeScale, removeOutliers: settings.removeOutliers });
  }
  if (settings.resampledPixelSpacing !== null) {
    const resampled = ibsi
      ? ibsiResampled(work, roi, settings.resampledPixelSpacing, settings)
      : resampleToSpacing(work, roi, settings.resampledPixelSpacing, {
          interpolator: settings.interpolator,
          padDistance: settings.padDistance,
          maxVoxels: settings.maxVoxels,
        });
    work = resampled.image;
    roi = resampled.mask;
    stats = roiStats(roi, work.size);
    if (settings.additionalInfo) {
      const box = validateRoi(stats, { minimumROIDimensions: 1 }).box;
      Object.assign(diagnostics, imageDiagnostics('interpolated', work, false));
      Object.assign(diagnostics, maskDiagnostics('interpolated', work, roi, box));
    }
  }
  // 3. checks, optional pre-crop
  let { box } = validateRoi(stats, settings);
  if (settings.preCrop) {
    const region = padBox(box, work.size, settings.padDistance);
    roi = cropArray(roi, work.size, region.lower, region.size);
    work = cropImage(work, region);
    box = { lower: box.lower.map((l, d) => l - region.lower[d]!) as BoundingBox['lower'], size: box.size };
  }
  const features: Record<string, number> = {};
  const ibsiFeatures: IbsiFeatureValue[] = [];
  // 4. NaN voxels; shape on the original image's morphological mask; resegmentation
  const nan = applyNonFinitePolicy(work.data, roi, work.size, box, settings.nanVoxels, 'original', 'image');
  if (settings.additionalInfo) diagnostics['diagnostics_Mask-original_NaNVoxels'] = nan.count;
  let intensityMask = nan.mask;
  // IBSI: bins of a fixed bin size start at the lower (absolute) resegmentation bound of the original image
  let ibsiBounds: [number, number] | null = null;
  if (settings.resegmentRange !== null) {
    intensityMask = resegment(work.data, intensityMask, settings.resegmentRange, settings.resegmentMode);
    if (settings.resegmentMode === 'absolute') {
      const lower = Math.min(...settings.resegmentRange);
      const upper = settings.resegmentRange.length === 2 ? Math.max(...settings.resegmentRange) : Infinity;
      ibsiBounds = [lower, upper];
    }
  }
  if (ibsi && settings.ibsiOutlierSigma !== null) {
    if (intensityMask === roi) intensityMask = Uint8Array.from(roi);
    const kept = ibsiResegmentInPlace(work.data, intensityMask, null, settings.ibsiOutlierSigma);
    if (kept <= 1) {
      throw new TaceError('EMPTY_INPUT', `outlier resegmentation kept ${kept} voxel(s)`, {
        param: 'ibsiOutlierSigma',
        remedy: 'widen ibsiOutlierSigma',
      });
    }
  }
  if (intensityMask !== roi) {
    if (
      settings.additionalInfo &&
      (settings.resegmentRange !== null || (ibsi && settings.ibsiOutlierSigma !== null))
    ) {
      const reBox = checkRoi(intensityMask, work.size, { minimumROIDimensions: 1 }).box;
      Object.assign(diagnostics, maskDiagnostics('resegmented', work, intensityMask, reBox));
    }
  }
  const morphological = settings.resegmentShape ? intensityMask : roi;
  const shapeClasses = classes.filter(([, entry]) => entry.appliesTo === 'original');
  if (ibsi && shapeClasses.length > 0) {
    // IBSI mode: the shape class gives IBSI morphology, local intensity, intensity and intensity-volume
    // histograms and GLDZM of the original image (whole grid: local intensity peaks reach beyond the ROI)
    const whole: BoundingBox = { lower: [0, 0, 0], size: [...work.size] };
    const { context, ibsiLevels } = buildContext(
      work,
      intensityMask,
      morphological,
      whole,
      settings,
      'original',
      {
        kind: 'ibsi',
        bounds: ibsiBounds,
      },
    );
    const selections = shapeClasses.map(([, , selection]) => selection);
    ibsiFeatures.push(
      ...ibsiExtractionRoiFamilies(context, ibsiLevels, {
        families: selections.includes(null) ? null : [...new Set(selections.flat() as string[])],
        aggregations: settings.ibsiAggregation,
        ivh: settings.ibsiIvh,
        range: ibsiBounds !== null && Number.isFinite(ibsiBounds[1]) ? ibsiBounds : null,
      }),
    );
  } else if (shapeClasses.length > 0) {
    const shapeContext = buildContext(work, morphological, morphological, box, settings, 'original', {
      kind: 'none',
    }).context;
    for (const [name, entry, selection] of shapeClasses) {
      addFeatures(features, `original_${name}_`, entry.compute(shapeContext), entry, selection);
    }
  }
  // 5. image types x feature classes, on the intensity ROI's box only: the filters compute just the voxels
  // the classes read (their values unchanged), and the masks are cropped to it once for every image
  const region =
    intensityMask === roi ? box : checkRoi(intensityMask, work.size, { minimumROIDimensions: 1 }).box;
  const regionMask = cropArray(intensityMask, work.size, region.lower, region.size);
  const regionRoi = intensityMask === roi ? regionMask : cropArray(roi, work.size, region.lower, region.size);
  const wholeRegionBox: BoundingBox = { lower: [0, 0, 0], size: [...region.size] };
  // GLDM and NGTDM both enabled (as registered): one neighbour scan for both
  const sharedNeighborScan =
    classes.some(([, entry]) => entry === FEATURE_CLASSES.gldm) &&
    classes.some(([, entry]) => entry === FEATURE_CLASSES.ngtdm);
  for (const [typeName, custom] of Object.entries(imageTypes)) {
    const imageType = IMAGE_TYPES[typeName];
    if (imageType === undefined) {
      throw new TaceError('UNSUPPORTED', `image type "${typeName}" is not available`, {
        param: 'imageType',
        remedy: `use one of ${Object.keys(IMAGE_TYPES).join(', ')}`,
      });
    }
    const typeSettings = resolveSettings({ ...(parameters.setting ?? {}), ...(custom ?? {}) });
    for (const derived of imageType(work, intensityMask, typeSettings, region)) {
      // an image type returns the region, or the whole grid (then cropped here, to the doubles the classes
      // read: this copy is the context's image, not copied again)
      const cropHere = !derived.image.size.every((n, d) => n === region.size[d]);
      const onRegion = cropHere
        ? {
            ...cropGeometry(derived.image, region),
            data: cropToFloat64(derived.image.data, derived.image.size, region.lower, region.size),
          }
        : derived.image;
      // a filter may turn finite voxels into NaN: the same policy applies per image type
      const derivedNan = applyNanPolicy(onRegion.data, regionMask, typeSettings.nanVoxels, derived.name);
      if (derivedNan.count > 0 && settings.additionalInfo) {
        diagnostics[`diagnostics_Mask-${derived.name}_NaNVoxels`] = derivedNan.count;
      }
      const binning: Binning = !ibsi
        ? { kind: 'pyradiomics' }
        : { kind: 'ibsi', bounds: derived.image === work ? ibsiBounds : null };
      const { context, ibsiLevels } = buildContext(
        onRegion,
        derivedNan.mask,
        regionRoi,
        derivedNan.count > 0
          ? checkRoi(derivedNan.mask, region.size, { minimumROIDimensions: 1 }).box
          : wholeRegionBox,
        typeSettings,
        derived.name,
        binning,
        region.lower,
        cropHere,
      );
      if (sharedNeighborScan) shareNeighborScan(context);
      for (const [name, entry, selection] of classes) {
        if (entry.appliesTo !== 'all') continue;
        addFeatures(features, `${derived.name}_${name}_`, entry.compute(context), entry, selection);
        const family = IBSI_FAMILY_OF_CLASS[name];
        if (ibsi && family !== undefined) {
          ibsiFeatures.push(...ibsiFamilyFeatures(context, family, typeSettings.ibsiAggregation, ibsiLevels));
        }
      }
    }
  }
  return { features, diagnostics, ibsiFeatures };
}

/**
 * How `buildContext` discretises: as PyRadiomics (bins aligned to multiples of `binWidth`), as IBSI (bins
 * from `bounds[0]`, the lower resegmentation bound, or from the ROI minimum when `bounds` is null), or not at
 * all (`'none'`: grey levels 0, for the shape classes, which only read the morphological mask).
 */
type Binning = { kind: 'pyradiomics' } | { kind: 'ibsi'; bounds: [number, number] | null } | { kind: 'none' };

/**
 * IBSI interpolation for `extractFeatures`: `resampledPixelSpacing` (0 keeps an axis) on the IBSI grid with the
 * `interpolator` setting, intensities rounded when `ibsiRoundIntensities`; the ROI interpolated linearly, kept
 * at >= 0.5.
 */
function ibsiResampled(
  image: Image,
  roi: Uint8Array,
  spacing: readonly number[],
  settings: ExtractionSettings,
): { image: Image; mask: Uint8Array } {
  const interpolation =
    settings.interpolator === 'sitkLinear'
      ? 'linear'
      : settings.interpolator === 'sitkBSpline'
        ? 'bspline'
        : 'nearest';
  const out = ibsiInterpolate(
    image,
    { data: roi },
    spacing.map((s) => (s === 0 ? null : s)),
    { interpolation, roundIntensities: settings.ibsiRoundIntensities, maxVoxels: settings.maxVoxels },
  );
  return { image: out.image, mask: out.roi };
}

/**
 * Crops image and masks to `box`, discretises the ROI and assembles a {@link RoiContext}. `offset`: where
 * `image` starts on the uncropped grid (the context's `boundingBox` is on that grid). `ownsData`: `image.data`
 * is a `Float64Array` made for this context alone (then used as it is when `box` is the whole grid, not copied).
 */
function buildContext(
  image: Image,
  mask: Uint8Array,
  morphological: Uint8Array,
  box: BoundingBox,
  settings: ExtractionSettings,
  imageTypeName: string,
  binning: Binning,
  offset: readonly [number, number, number] = [0, 0, 0],
  ownsData = false,
): { context: RoiContext; ibsiLevels: number } {
  const whole = box.lower.every((l, d) => l === 0 && box.size[d] === image.size[d]);
  const cropped = whole ? image : cropGeometry(image, box);
  // the intensities as doubles, cropped and converted in one copy
  const data = !whole
    ? cropToFloat64(image.data, image.size, box.lower, box.size)
    : ownsData && image.data instanceof Float64Array
      ? image.data
      : Float64Array.from(image.data);
  const croppedMask = whole ? Uint8Array.from(mask) : cropArray(mask, image.size, box.lower, box.size);
  const croppedMorph = whole
    ? Uint8Array.from(morphological)
    : cropArray(morphological, image.size, box.lower, box.size);
  let levels: Int32Array;
  let nLevels: number;
  let ibsiLevels: number;
  if (binning.kind === 'none') {
    levels = new Int32Array(data.length);
    nLevels = 0;
    ibsiLevels = 0;
  } else if (binning.kind === 'pyradiomics') {
    ({ levels, nLevels } = discretize(data, croppedMask, {
      binWidth: settings.binWidth,
      binCount: settings.binCount,
      maxGrayLevels: settings.maxGrayLevels,
    }));
    ibsiLevels = nLevels;
  } else {
    const fixedCount = settings.binCount !== null;
    ({ levels, nLevels } = ibsiDiscretize(
      data,
      croppedMask,
      fixedCount
        ? { binCount: settings.binCount! }
        : { binWidth: settings.binWidth, lowerBound: binning.bounds?.[0] },
    ));
    // IBSI Ng of a fixed bin size within a resegmentation range: the bins the range spans
    const upper = binning.bounds?.[1] ?? Infinity;
    ibsiLevels =
      !fixedCount && binning.bounds !== null && Number.isFinite(upper)
        ? Math.max(Math.ceil((upper - binning.bounds[0]) / settings.binWidth), nLevels)
        : nLevels;
  }
  let voxelCount = 0;
  for (let i = 0; i < croppedMask.length; i++) if (croppedMask[i] !== 0) voxelCount++;
  const context: RoiContext = {
    image: { ...cropped, data },
    mask: croppedMask,
    morphologicalMask: croppedMorph,
    grayLevels: levels,
    nLevels,
    voxelCount,
    settings,
    imageTypeName,
    boundingBox: {
      lower: [box.lower[0] + offset[0], box.lower[1] + offset[1], box.lower[2] + offset[2]],
      size: [...box.size],
    },
  };
  return { context, ibsiLevels };
}
