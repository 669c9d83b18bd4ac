export * from './genesets/index.js';
export * from './signatures/index.js';
export * from './h5ad/index.js';
