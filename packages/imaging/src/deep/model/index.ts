export type { OnnxSummary, OnnxValueSummary } from './inspect-onnx.js';
export { inspectOnnx } from './inspect-onnx.js';
export type { DeepModel, LoadModelOptions, ModelOutputs } from './load-model.js';
export { loadModel, releaseModel, runModel } from './load-model.js';
export type { InputLayout, Normalisation, PreprocessingManifest } from './manifest.js';
export { manifestChannels, manifestSampleShape, parseManifest, TACE_CNN_V1_MANIFEST } from './manifest.js';
