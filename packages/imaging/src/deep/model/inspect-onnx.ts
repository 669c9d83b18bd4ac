import { TaceError } from '@tace/core';

/** A graph input or output as declared in the ONNX file. */
export interface OnnxValueSummary {
  /** Value name. */
  name: string;
  /** Element type name (`'float32'`, `'int64'`, ... or `'type<k>'` for other codes; `'unknown'` if undeclared). */
  type: string;
  /** Dimensions; a string is a symbolic dimension, `-1` an unknown one. Empty when the shape is undeclared. */
  shape: (number | string)[];
}

/** What {@link inspectOnnx} reads from a model file without running it. */
export interface OnnxSummary {
  /** ModelProto.ir_version. */
  irVersion: number;
  /** ai.onnx opset version (0 when not declared). */
  opsetVersion: number;
  /** ModelProto.producer_name. */
  producerName: string;
  /** Graph inputs that are not initialisers. */
  inputs: OnnxValueSummary[];
  /** Graph outputs. */
  outputs: OnnxValueSummary[];
  /** Number of nodes in the main graph. */
  nodeCount: number;
  /** Operator type of each node of the main graph, in graph order (NodeProto.op_type, e.g. `'Conv'`). */
  operators: string[];
  /** ModelProto.metadata_props. */
  metadata: Record<string, string>;
}

const ELEMENT_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
};

/** One decoded field: number, wire type and payload (varint value or the byte range). */
interface Field {
  number: number;
  wire: number;
  value: number;
  bytes: Uint8Array;
}

/**
 * Reads the header of an ONNX model (ModelProto) with a strict protobuf walker: IR and opset versions,
 * producer, graph inputs (excluding initialisers), outputs with element types and shapes, node count and
 * metadata. Every length and wire type is checked, so a file that is not an ONNX protobuf fails here with a
 * `TaceError` instead of reaching native code. Field numbers as in `onnx/onnx.proto`.
 *
 * @param bytes - the whole `.onnx` file.
 * @param source - file name for messages.
 * @throws {TaceError} `MODEL_ERROR` when the bytes are not a well-formed ONNX ModelProto with a graph.
 * @example
 * ```ts
 * inspectOnnx(readFileSync('model.onnx')).inputs[0].shape // ['N', 2, 32, 32, 32]
 * ```
 */
export function inspectOnnx(bytes: Uint8Array, source = 'model'): OnnxSummary {
  const fail = (why: string): TaceError =>
    new TaceError('MODEL_ERROR', `${source} is not a valid ONNX model: ${why}`, {
      param: source,
      remedy: 'pass a .onnx file exported by torch.onnx.export, tf2onnx or encodeOnnxModel',
    });
  if (bytes.length < 8) throw fail(`only ${bytes.length} bytes`);
  const summary: OnnxSummary = {
    irVersion: 0,
    opsetVersion: 0,
    producerName: '',
    inputs: [],
    outputs: [],
    nodeCount: 0,
    operators: [],
    metadata: {},
  };
  let graph: Uint8Array | undefined;
  for (const f of readFields(bytes, fail)) {
    if (f.number === 1) summary.irVersion = expectVarint(f, fail, 'ir_version');
    else if (f.number === 2) summary.producerName = text(expectBytes(f, fail, 'producer_name'));
    else if (f.number === 7) graph = expectBytes(f, fail, 'graph');
    else if (f.number === 8) {
      let domain = '';
      let version = 0;
      for (const g of readFields(expectBytes(f, fail, 'opset_import'), fail)) {
        if (g.number === 1) domain = text(expectBytes(g, fail, 'opset domain'));
        if (g.number === 2) version = expectVarint(g, fail, 'opset version');
      }
      if (domain === '' || domain === 'ai.onnx') summary.opsetVersion = version;
    } else if (f.number === 14) {
      const entry = expectBytes(f, fail, 'metadata_props');
      summary.metadata[readString(entry, 1, fail)] = readString(entry, 2, fail);
    }
  }
  if (summary.irVersion < 1 || summary.irVersion > 100)
    throw fail(`ir_version ${summary.irVersion} is missing or implausible`);
  if (graph === undefined) throw fail('no graph');
  const initializers = new Set<string>();
  const inputs: OnnxValueSummary[] = [];
  for (const f of readFields(graph, fail)) {
    if (f.number === 1) {
      summary.nodeCount++;
      summary.operators.push(readString(expectBytes(f, fail, 'node'), 4, fail));
    } else if (f.number === 5) initializers.add(readString(expectBytes(f, fail, 'initializer'), 8, fail));
    else if (f.number === 11) inputs.push(readValueInfo(expectBytes(f, fail, 'input'), fail));
    else if (f.number === 12) summary.outputs.push(readValueInfo(expectBytes(f, fail, 'output'), fail));
  }
  summary.inputs = inputs.filter((v) => !initializers.has(v.name));
  if (summary.outputs.length === 0) throw fail('the graph has no outputs');
  return summary;
}

function readValueInfo(bytes: Uint8Array, fail: (why: string) => TaceError): OnnxValueSummary {
  const out: OnnxValueSummary = { name: '', type: 'unknown', shape: [] };
  for (const f of readFields(bytes, fail)) {
    if (f.number === 1) out.name = text(expectBytes(f, fail, 'value name'));
    if (f.number !== 2) continue;
    for (const t of readFields(expectBytes(f, fail, 'type'), fail)) {
      if (t.number !== 1) continue; // tensor_type; sequence/map types keep 'unknown'
      for (const u of readFields(expectBytes(t, fail, 'tensor_type'), fail)) {
        if (u.number === 1) {
          const code = expectVarint(u, fail, 'elem_type');
          out.type = ELEMENT_TYPES[code] ?? `type${code}`;
        }
        if (u.number === 2) out.shape = readShape(expectBytes(u, fail, 'shape'), fail);
      }
    }
  }
  return out;
}

function readShape(bytes: Uint8Array, fail: (why: string) => TaceError): (number | string)[] {
  const dims: (number | string)[] = [];
  for (const f of readFields(bytes, fail)) {
    if (f.number !== 1) continue;
    let dim: number | string = -1;
    for (const d of readFields(expectBytes(f, fail, 'dim'), fail)) {
      if (d.number === 1) dim = expectVarint(d, fail, 'dim_value');
      if (d.number === 2) dim = text(expectBytes(d, fail, 'dim_param'));
    }
    dims.push(dim);
  }
  return dims;
}

/** The string field `number` of a message ('' when absent; the last occurrence wins, as in protobuf). */
function readString(bytes: Uint8Array, number: number, fail: (why: string) => TaceError): string {
  let out = '';
  for (const f of readFields(bytes, fail))
    if (f.number === number) out = text(expectBytes(f, fail, `field ${number}`));
  return out;
}

function expectVarint(f: Field, fail: (why: string) => TaceError, what: string): number {
  if (f.wire !== 0) throw fail(`${what} has wire type ${f.wire}, expected a varint`);
  return f.value;
}

function expectBytes(f: Field, fail: (why: string) => TaceError, what: string): Uint8Array {
  if (f.wire !== 2) throw fail(`${what} has wire type ${f.wire}, expected length-delimited`);
  return f.bytes;
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Splits one protobuf message into fields, checking tags, wire types and lengths. */
function readFields(bytes: Uint8Array, fail: (why: string) => TaceError): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw fail('truncated varint');
      const b = bytes[pos++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw fail('varint longer than 10 bytes');
  };
  while (pos < bytes.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    if (number < 1 || number > 536870911) throw fail(`invalid field number ${number} at byte ${pos}`);
    const field: Field = { number, wire, value: 0, bytes: bytes.subarray(0, 0) };
    if (wire === 0) field.value = varint();
    else if (wire === 1 || wire === 5) {
      const width = wire === 1 ? 8 : 4;
      if (pos + width > bytes.length) throw fail('truncated fixed-width field');
      pos += width;
    } else if (wire === 2) {
      const length = varint();
      if (pos + length > bytes.length)
        throw fail(`field ${number} claims ${length} bytes, only ${bytes.length - pos} left`);
      field.bytes = bytes.subarray(pos, pos + length);
      pos += length;
    } else throw fail(`unsupported wire type ${wire} (field ${number})`);
    fields.push(field);
  }
  return fields;
}
