export { assertFiniteNumber, assertInRange, assertInteger, assertOneOf, assertSameLength } from './assert.js';
export { importOptional, requireOptional } from './optional-dependency.js';
export type { TaceErrorCode, TaceErrorDetails } from './tace-error.js';
export { describeValue, isTaceError, TaceError } from './tace-error.js';
