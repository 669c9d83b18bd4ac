export { type DicomSeries, type ReadDicomOptions, readDicomSeries } from './dicom-series.js';
export { formatNifti, parseNifti, readNifti, writeNifti } from './nifti.js';
export { formatNrrd, parseNrrd, readNrrd, type WriteNrrdOptions, writeNrrd } from './nrrd.js';
export { readImage } from './read-image.js';
export { type ReadRtstructOptions, readRtstruct, rtstructRoiNames } from './rtstruct.js';
export { type VoxelType, voxelTypeOf } from './typed-arrays.js';
