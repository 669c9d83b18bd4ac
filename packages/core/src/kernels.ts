/**
 * Array-level kernels of `@tace/core`: typed arrays in, no validation, no allocation beyond the result. The
 * package root validates and wraps them (`symmetricInverse`, `symmetricEigen`, ...).
 * @module
 */
export { ldlDecompose, ldlInverse, ldlSolve } from './matrix/ldl.js';
export { symmetricEigenDecompose } from './matrix/symmetric-eigen-kernel.js';
export { countSortedBelow } from './stats/bisect.js';
export { erfc } from './stats/erfc.js';
export { findRoot } from './stats/find-root.js';
export { compensatedSum } from './stats/mean.js';
export { tieCorrection } from './stats/rank.js';
export { selectInPlace } from './stats/select.js';
export { sortOrder } from './stats/sort-order.js';
export {
  logBeta,
  logGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './stats/special-functions.js';
