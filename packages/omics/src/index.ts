export * from './genesets/index.js';
export * from './signatures/index.js';
