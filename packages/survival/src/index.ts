export {};
export * from './scores/index.js';
