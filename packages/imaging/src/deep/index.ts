export * from './cohort/index.js';
export * from './crop/index.js';
export * from './model/index.js';
export * from './models/index.js';
export * from './onnx-writer/index.js';
