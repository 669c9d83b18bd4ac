export { encodeOnnxModel } from './encode-onnx-model.js';
export { intAttribute, intsAttribute, OnnxGraphBuilder } from './graph-builder.js';
export type {
  OnnxAttributeValue,
  OnnxElementType,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
} from './onnx-types.js';
export { ProtoWriter } from './protobuf-writer.js';
