export { formatNrrd, parseNrrd, readNrrd, type WriteNrrdOptions, writeNrrd } from './nrrd.js';
export { type VoxelType, voxelTypeOf } from './typed-arrays.js';
