export * from './report/index.js';
export * from './sharding/index.js';
