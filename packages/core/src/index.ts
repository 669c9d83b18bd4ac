export * from './errors/index.js';
export * from './io/index.js';
export * from './matrix/index.js';
export * from './progress/index.js';
export * from './random/index.js';
export * from './stats/index.js';
export * from './table/index.js';
export * from './testing/index.js';
