export type { Image, VoxelArray } from './types.js';
export { IDENTITY_DIRECTION } from './types.js';
