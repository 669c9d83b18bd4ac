export * from './extract/index.js';
export * from './image/index.js';
export * from './deep/index.js';
