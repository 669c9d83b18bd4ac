export * from './model/index.js';
export * from './models/index.js';
export * from './onnx-writer/index.js';
