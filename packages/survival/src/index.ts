export * from './scores/index.js';
export * from './nonparametric/index.js';
