/**
 * @tace/imaging: CT/mask readers, preprocessing, PyRadiomics-compatible and IBSI radiomic features, and the
 * ONNX deep-learning arm (crops -> embeddings). Array-level kernels (texture matrices, filters on typed arrays,
 * discretization of arrays) are at `@tace/imaging/kernels`.
 * @module
 */

// Cohorts
export { type CohortResult, type ExtractCohortOptions, extractCohort } from './cohort/extract-cohort.js';
export { type ManifestRow, readManifest } from './cohort/manifest.js';
// Deep-learning arm: crops, model contract, embeddings of a cohort, networks, ONNX writer
export type { CropOptions } from './deep/crop/crop-options.js';
export { type FlipAxis, flipSample } from './deep/crop/flip.js';
export { windowAndNormalize } from './deep/crop/intensity.js';
export { type PatientImages, type PreparedSamples, prepareSamples } from './deep/crop/prepare-samples.js';
export type { RoiLabel } from './deep/crop/roi.js';
export { type SliceStackOptions, type SliceStacks, sliceStack2d } from './deep/crop/slice-stack-2d.js';
export { cropPhases, type PhaseCrops, tumorCrop3d } from './deep/crop/tumor-crop-3d.js';
export {
  type CohortImageRow,
  type EmbedCohortOptions,
  type EmbedProgress,
  embedCohort,
} from './deep/embed/embed-cohort.js';
export { type EmbedManifestOptions, embedManifest } from './deep/embed/embed-manifest.js';
export { deepCohortRows } from './deep/embed/manifest-rows.js';
export {
  type CropDatasetOptions,
  type CropDatasetRow,
  type CropDatasetSummary,
  writeCropDataset,
} from './deep/export/crop-dataset.js';
export { decodeNpy, encodeNpy, type NpyArray } from './deep/export/npy.js';
export {
  assertModelContract,
  type ContractViolation,
  checkModelContract,
  type ModelContractOptions,
  type ModelContractReport,
  type ModelContractRule,
} from './deep/model/check-contract.js';
export { inspectOnnx, type OnnxSummary, type OnnxValueSummary } from './deep/model/inspect-onnx.js';
export {
  type DeepModel,
  type LoadModelOptions,
  loadModel,
  type ModelOutputs,
  type OnnxSession,
  releaseModel,
  runModel,
} from './deep/model/load-model.js';
export {
  type InputLayout,
  manifestChannels,
  manifestSampleShape,
  type Normalization,
  type PreprocessingManifest,
  parseManifest,
  TACE_CNN_V1_MANIFEST,
} from './deep/model/manifest.js';
export { buildResNet3d18, type ResNet3dOptions } from './deep/networks/resnet3d.js';
export { buildTaceCnn, type TaceCnnOptions } from './deep/networks/tace-cnn.js';
export { encodeOnnxModel } from './deep/onnx-writer/encode-onnx-model.js';
export { intAttribute, intsAttribute, OnnxGraphBuilder } from './deep/onnx-writer/graph-builder.js';
export type {
  OnnxAttributeValue,
  OnnxElementType,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
} from './deep/onnx-writer/onnx-types.js';
// Extraction of one case (PyRadiomics RadiomicsFeatureExtractor)
export { type ExtractionResult, extractFeatures, IMAGING_VERSION } from './extract/extract-features.js';
export { FEATURE_CLASSES } from './extract/feature-classes.js';
export { IMAGE_TYPES, originalImageType } from './extract/image-types.js';
export {
  type ExtractionParameters,
  PYRADIOMICS_EXTRA_SETTINGS,
  parseParameters,
  readParameterFile,
  resolveSettings,
} from './extract/parameters.js';

// Feature classes (the plug-in contract of features/base.ts) and their feature names
export type { FeatureClass, FeatureClassEntry, RoiContext } from './features/base.js';
export { FIRSTORDER_FEATURES, firstOrderClass } from './features/firstorder/firstorder.js';
export { IBSI_STATISTIC_FEATURES, IBSI_STATISTIC_TAGS } from './features/firstorder/ibsi-statistics.js';
export { glcmClass } from './features/glcm/glcm-class.js';
export { GLCM_FEATURE_NAMES } from './features/glcm/glcm-features.js';
export { gldmClass } from './features/gldm/gldm-class.js';
export { GLDM_FEATURE_NAMES } from './features/gldm/gldm-features.js';
export { glrlmClass } from './features/glrlm/glrlm-class.js';
export { GLRLM_FEATURE_NAMES } from './features/glrlm/glrlm-features.js';
export { glszmClass } from './features/glszm/glszm-class.js';
export { GLSZM_FEATURE_NAMES } from './features/glszm/glszm-features.js';
export { ngtdmClass } from './features/ngtdm/ngtdm-class.js';
export { NGTDM_FEATURE_NAMES } from './features/ngtdm/ngtdm-features.js';
export { SHAPE_FEATURES, shapeClass } from './features/shape/shape.js';
export { SHAPE2D_FEATURES, shape2DClass } from './features/shape2d/shape2d.js';
// Filters (PyRadiomics image types; IBSI 2 filters)
export { type GradientOptions, gradientMagnitudeImage } from './filters/gradient.js';
export { type IbsiGaborOptions, ibsiGabor } from './filters/ibsi-gabor.js';
export {
  type IbsiLaplacianOfGaussianOptions,
  ibsiLaplacianOfGaussian,
} from './filters/ibsi-laplacian-of-gaussian.js';
export { type IbsiLawsOptions, ibsiLaws, LAWS_KERNELS } from './filters/ibsi-laws.js';
export { ibsiMeanFilter } from './filters/ibsi-mean.js';
export { type IbsiSimoncelliOptions, ibsiSimoncelli } from './filters/ibsi-simoncelli.js';
export { type IbsiWaveletOptions, ibsiWavelet } from './filters/ibsi-wavelet.js';
export type { DerivedImage, ImageType } from './filters/image-type.js';
export {
  exponentialImageType,
  gradientImageType,
  lbp2DImageType,
  lbp3DImageType,
  logarithmImageType,
  logImageType,
  squareImageType,
  squareRootImageType,
  waveletImageType,
} from './filters/image-types.js';
export {
  exponentialImage,
  logarithmImage,
  squareImage,
  squareRootImage,
} from './filters/intensity-filters.js';
export { type LaplacianOfGaussianOptions, laplacianOfGaussian } from './filters/laplacian-of-gaussian.js';
export { LBP2D_METHODS, type Lbp2DMethod, type Lbp2DOptions, lbp2DImage } from './filters/lbp-2d.js';
export { type Lbp3DImages, type Lbp3DOptions, lbp3DImages } from './filters/lbp-3d.js';
export { WAVELET_NAMES, type WaveletBand, type WaveletOptions, waveletImages } from './filters/wavelet.js';
// IBSI: settings, configurations, feature codes
export { ibsiGldzmFeatures } from './ibsi/gldzm-aggregation.js';
export type { IbsiFamily, IbsiFeatureValue } from './ibsi/ibsi-features.js';
export {
  type IbsiRoiFamily,
  type IbsiRoiFamilyOptions,
  type IbsiRoiFeature,
  type IvhDiscretization,
  ibsiRoiFamilies,
} from './ibsi/ibsi-roi-families.js';
export { type Ibsi2Prepared, ibsi2Prepare } from './ibsi/ibsi2-phantom.js';
export { type IbsiPrepared, type IbsiPrepareSettings, ibsiPrepare } from './ibsi/prepare.js';
export { IBSI_AGGREGATION_SETTINGS, type IbsiAggregationSetting } from './ibsi/settings.js';
export {
  IBSI_DIRECTIONAL_AGGREGATIONS,
  IBSI_TEXTURE_FEATURES,
  IBSI_VOLUME_AGGREGATIONS,
  type IbsiAggregation,
  type IbsiTextureFamily,
} from './ibsi/texture-aggregation.js';
export {
  IBSI_GLCM,
  IBSI_GLRLM,
  IBSI_GLSZM,
  IBSI_NGLDM,
  IBSI_NGTDM,
  type IbsiFeature,
} from './ibsi/texture-codes.js';
export {
  directionFromColumns,
  indexToPoint,
  pointToIndex,
  voxelCount,
  voxelVolume,
} from './image/geometry.js';
// Images and geometry
export type { Image, VoxelArray } from './image/types.js';
export { IDENTITY_DIRECTION } from './image/types.js';
// Readers and writers
export { CODEC_PACKAGES, COMPRESSED_SYNTAXES, type CodecName } from './io/dicom-codecs.js';
export {
  type DicomSegment,
  dicomSegSegments,
  type ReadDicomSegOptions,
  readDicomSeg,
} from './io/dicom-seg.js';
export {
  type DicomSeries,
  type ReadDicomOptions,
  readDicomSeries,
  type SkippedFile,
} from './io/dicom-series.js';
export {
  formatNifti,
  MAX_NIFTI_BYTES,
  parseNifti,
  type ReadNiftiOptions,
  readNifti,
  readNiftiVolumes,
  writeNifti,
} from './io/nifti.js';
export {
  formatNrrd,
  parseNrrd,
  type ReadNrrdOptions,
  readNrrd,
  type WriteNrrdOptions,
  writeNrrd,
} from './io/nrrd.js';
export { readImage } from './io/read-image.js';
export { type ReadRtstructOptions, readRtstruct, rtstructRoiNames } from './io/rtstruct.js';
export type { VoxelType } from './io/typed-arrays.js';
// Preprocessing of images (PyRadiomics imageoperations; IBSI grid)
export { cropImage } from './preprocess/crop.js';
export { assertSameGeometry, sameGeometry } from './preprocess/geometry-check.js';
export { type IbsiInterpolateOptions, ibsiInterpolate } from './preprocess/ibsi-interpolate.js';
export { ibsiResample } from './preprocess/ibsi-resample.js';
export { type NormalizeOptions, normalizeImage } from './preprocess/normalize.js';
export { type ResampleOptions, resampleToReference, resampleToSpacing } from './preprocess/resample.js';
export {
  type BoundingBox,
  boundingBox,
  type CheckRoiOptions,
  checkRoi,
  selectLabel,
} from './preprocess/roi-mask.js';
export { DEFAULT_MAX_VOXELS } from './preprocess/size-bounds.js';
export type {
  Compliance,
  ExtractionSettings,
  InterpolatorName,
  NanVoxelPolicy,
  ResegmentMode,
} from './settings.js';
export { DEFAULT_SETTINGS } from './settings.js';
