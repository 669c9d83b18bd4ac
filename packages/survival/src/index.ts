export * from './scores/index.js';
export * from './nonparametric/index.js';
export * from './cox/index.js';
export * from './metrics/index.js';
export * from './penalized/index.js';
export * from './models/index.js';
export * from './validation/index.js';
export * from './cutpoints/index.js';
