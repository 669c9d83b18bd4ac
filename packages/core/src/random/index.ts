export type { RandomSource, Rng } from './rng.js';
export { createRng, randomInt, randomNormal, toRng } from './rng.js';
export type { KFoldOptions } from './sampling.js';
export { bootstrapIndices, kFoldSplits, sampleIndices, shuffle } from './sampling.js';
