import { TaceError } from '@tace/core';
import type {
  OnnxAttributeValue,
  OnnxElementType,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
} from './onnx-types.js';
import { ProtoWriter } from './protobuf-writer.js';

/** TensorProto.DataType codes. */
const DATA_TYPE: Record<OnnxElementType, number> = { float32: 1, int64: 7 };

/** AttributeProto.AttributeType codes. */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 } as const;

/**
 * Encodes an {@link OnnxModel} as ONNX protobuf bytes (a `.onnx` file), with no dependency on the `onnx`
 * Python package. Weights are stored as `raw_data` (little-endian). The result loads in onnxruntime and
 * Netron; use it to write small test models or models whose weights come from TypeScript.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when a tensor's data length does not match its dims.
 * @example
 * ```ts
 * const bytes = encodeOnnxModel({
 *   name: 'relu', initializers: [],
 *   inputs: [{ name: 'x', type: 'float32', shape: ['N', 4] }],
 *   outputs: [{ name: 'y', type: 'float32', shape: ['N', 4] }],
 *   nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }],
 * });
 * ```
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.intField(1, model.irVersion ?? 8);
  w.stringField(2, model.producerName ?? '@tace/imaging');
  if (model.producerVersion) w.stringField(3, model.producerVersion);
  if (model.docString) w.stringField(6, model.docString);
  w.messageField(7, (g) => writeGraph(g, model));
  w.messageField(8, (o) => o.stringField(1, '').intField(2, model.opsetVersion ?? 17));
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.messageField(14, (e) => e.stringField(1, key).stringField(2, value));
  }
  return w.finish();
}

function writeGraph(g: ProtoWriter, model: OnnxModel): void {
  model.nodes.forEach((node, i) => {
    g.messageField(1, (n) => writeNode(n, node, i));
  });
  g.stringField(2, model.name);
  for (const tensor of model.initializers) g.messageField(5, (t) => writeTensor(t, tensor));
  for (const input of model.inputs) g.messageField(11, (v) => writeValueInfo(v, input));
  for (const output of model.outputs) g.messageField(12, (v) => writeValueInfo(v, output));
}

function writeNode(n: ProtoWriter, node: OnnxNode, index: number): void {
  for (const input of node.inputs) n.stringField(1, input);
  for (const output of node.outputs) n.stringField(2, output);
  n.stringField(3, node.name ?? `${node.opType}_${index}`);
  n.stringField(4, node.opType);
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    n.messageField(5, (a) => writeAttribute(a, name, value));
  }
  if (node.domain) n.stringField(7, node.domain);
}

function writeAttribute(a: ProtoWriter, name: string, attribute: OnnxAttributeValue): void {
  a.stringField(1, name);
  switch (attribute.type) {
    case 'float':
      a.floatField(2, attribute.value);
      break;
    case 'int':
      a.intField(3, attribute.value);
      break;
    case 'string':
      a.stringField(4, attribute.value);
      break;
    case 'tensor':
      a.messageField(5, (t) => writeTensor(t, attribute.value));
      break;
    case 'floats':
      a.packedFloatField(7, attribute.value);
      break;
    case 'ints':
      a.packedInt64Field(8, attribute.value);
      break;
  }
  a.intField(20, ATTRIBUTE_TYPE[attribute.type]);
}

function writeTensor(t: ProtoWriter, tensor: OnnxTensor): void {
  const count = tensor.dims.reduce((a, b) => a * b, 1);
  if (tensor.data.length !== count) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `tensor '${tensor.name}' has ${tensor.data.length} values but dims [${tensor.dims.join(', ')}] need ${count}`,
      { param: 'initializers', remedy: 'pass row-major data whose length is the product of dims' },
    );
  }
  t.packedInt64Field(1, tensor.dims);
  t.intField(2, DATA_TYPE[tensor.type]);
  t.stringField(8, tensor.name);
  t.bytesField(9, rawBytes(tensor));
}

function rawBytes(tensor: OnnxTensor): Uint8Array {
  if (tensor.type === 'float32') {
    const values =
      tensor.data instanceof Float32Array ? tensor.data : Float32Array.from(tensor.data as ArrayLike<number>);
    return littleEndianCopy(values, 4, (view, i) => view.setFloat32(4 * i, values[i], true));
  }
  const values =
    tensor.data instanceof BigInt64Array
      ? tensor.data
      : BigInt64Array.from(tensor.data as readonly number[], BigInt);
  return littleEndianCopy(values, 8, (view, i) => view.setBigInt64(8 * i, values[i], true));
}

function littleEndianCopy(
  values: { length: number },
  width: number,
  set: (view: DataView, i: number) => void,
): Uint8Array {
  const bytes = new Uint8Array(width * values.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) set(view, i);
  return bytes;
}

function writeValueInfo(v: ProtoWriter, info: OnnxValueInfo): void {
  v.stringField(1, info.name);
  v.messageField(2, (type) =>
    type.messageField(1, (tensorType) => {
      tensorType.intField(1, DATA_TYPE[info.type]);
      tensorType.messageField(2, (shape) => {
        for (const dim of info.shape) {
          shape.messageField(1, (d) =>
            typeof dim === 'number' ? d.intField(1, dim) : d.stringField(2, dim),
          );
        }
      });
    }),
  );
}
