export { directionFromColumns, indexToPoint, pointToIndex, voxelCount, voxelVolume } from './geometry.js';
export type { Image, VoxelArray } from './types.js';
export { IDENTITY_DIRECTION } from './types.js';
