export * from './expression/index.js';
export * from './genesets/index.js';
export * from './groups/index.js';
export * from './h5ad/index.js';
export * from './scoring/index.js';
export * from './signatures/index.js';
export * from './singlecell/index.js';
