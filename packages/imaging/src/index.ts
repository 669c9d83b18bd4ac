export * from './cohort/index.js';
export * from './deep/index.js';
export * from './extract/index.js';
export * from './features/index.js';
export * from './image/index.js';
export * from './io/index.js';
export * from './preprocess/index.js';
