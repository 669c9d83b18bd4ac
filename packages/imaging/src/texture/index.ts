export { generateAngles, type NeighbourOptions } from './angles.js';
export { GLCM_FEATURE_NAMES, glcmFeatures } from './glcm-features.js';
export { type GlcmMatrix, type GlcmOptions, glcmMatrix } from './glcm-matrix.js';
export { symmetricEigenvalues } from './symmetric-eigenvalues.js';
export { MAX_GRAY_LEVEL, type RoiLevels, roiLevels, type TextureGrid } from './texture-grid.js';
export { angleDistance, type WeightingNorm } from './weighting.js';
