/**
 * Plain descriptions of the ONNX messages {@link encodeOnnxModel} writes. Field numbers follow
 * `onnx/onnx.proto` (IR version 8+): ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto, TypeProto.Tensor, TensorShapeProto, OperatorSetIdProto, StringStringEntryProto.
 */

/** Element types this writer can store in initialisers and declare on inputs/outputs (TensorProto.DataType). */
export type OnnxElementType = 'float32' | 'int64';

/** A constant tensor (an initialiser, or a tensor attribute). Data is row-major (C order). */
export interface OnnxTensor {
  /** Tensor name (initialisers are referenced by it). */
  name: string;
  /** Element type. */
  type: OnnxElementType;
  /** Dimensions. */
  dims: readonly number[];
  /** Values, row-major; length = product of dims. */
  data: Float32Array | BigInt64Array | readonly number[];
}

/** An attribute value: a float, an integer, a string, a list of integers or floats, or a tensor. */
export type OnnxAttributeValue =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'tensor'; value: OnnxTensor };

/** One operator application. */
export interface OnnxNode {
  /** Operator, e.g. `'Conv'`. */
  opType: string;
  /** Input value names ('' for an omitted optional input). */
  inputs: readonly string[];
  /** Output value names. */
  outputs: readonly string[];
  /** Node name (unique in the graph); optional. */
  name?: string;
  /** Attributes by name. */
  attributes?: Readonly<Record<string, OnnxAttributeValue>>;
  /** Operator domain; default the standard `''` (ai.onnx). */
  domain?: string;
}

/** A graph input or output: name, element type and shape (a string dimension is symbolic, e.g. `'N'`). */
export interface OnnxValueInfo {
  name: string;
  type: OnnxElementType;
  shape: readonly (number | string)[];
}

/** A model: one graph plus the versions that say how to read it. */
export interface OnnxModel {
  /** Graph name. */
  name: string;
  /** Nodes in topological order. */
  nodes: readonly OnnxNode[];
  /** Graph inputs (not including initialisers). */
  inputs: readonly OnnxValueInfo[];
  /** Graph outputs. */
  outputs: readonly OnnxValueInfo[];
  /** Constant tensors (weights). */
  initializers: readonly OnnxTensor[];
  /** ai.onnx opset version. Default 17. */
  opsetVersion?: number;
  /** IR version. Default 8 (ONNX 1.10+). */
  irVersion?: number;
  /** Producer name written into the model. Default `'@tace/imaging'`. */
  producerName?: string;
  /** Producer version. Default `''`. */
  producerVersion?: string;
  /** Free-text documentation of the model. */
  docString?: string;
  /** Key/value metadata (ModelProto.metadata_props), readable by onnxruntime. */
  metadata?: Readonly<Record<string, string>>;
}
