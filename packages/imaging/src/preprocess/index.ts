export { cropArray, cropImage, padBox } from './crop.js';
export { binEdges, type DiscretiseOptions, digitize, discretise } from './discretise.js';
export { assertSameGeometry, sameGeometry } from './geometry-check.js';
export { type NormaliseOptions, normaliseImage } from './normalise.js';
export {
  bsplineCoefficients,
  type ResampleOptions,
  resampleToReference,
  resampleToSpacing,
} from './resample.js';
export { resegment } from './resegment.js';
export {
  type BoundingBox,
  boundingBox,
  type CheckRoiOptions,
  checkRoi,
  roiStats,
  selectLabel,
  validateRoi,
} from './roi-mask.js';
