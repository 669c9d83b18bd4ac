import { existsSync, readFileSync } from 'node:fs';
import { assertInteger, TaceError } from '@tace/core';
import type * as ort from 'onnxruntime-node';
import { inspectOnnx, type OnnxSummary, type OnnxValueSummary } from './inspect-onnx.js';
import { manifestSampleShape, type PreprocessingManifest, parseManifest } from './manifest.js';
import { loadOnnxRuntime } from './onnxruntime.js';

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * The preprocessing manifest, or the path of its JSON file.
   * @default `<model path without .onnx>.preprocessing.json`
   */
  preprocessing?: PreprocessingManifest | string;
  /** onnxruntime execution providers, in order of preference. @default ['cpu'] */
  executionProviders?: string[];
  /** Threads onnxruntime uses inside one operator (`intraOpNumThreads`); 0 lets onnxruntime choose. @default 0 */
  intraOpThreads?: number;
}

/**
 * What a {@link DeepModel} exposes of its onnxruntime `InferenceSession`, stated here so that the published
 * declarations do not need onnxruntime-node's types (an optional peer). Cast to `ort.InferenceSession` for more.
 */
export interface OnnxSession {
  /** Names of the graph inputs. */
  readonly inputNames: readonly string[];
  /** Names of the graph outputs. */
  readonly outputNames: readonly string[];
  /** Frees the native session. */
  release(): Promise<void>;
}

/** A model ready to run: the onnxruntime session plus everything read and checked at load time. */
export interface DeepModel {
  /** The model file. */
  path: string;
  /** The validated manifest. */
  manifest: PreprocessingManifest;
  /** Name of the input the crops are fed to. */
  inputName: string;
  /** Declared input shape (strings are symbolic dimensions, -1 unknown). */
  inputShape: (number | string)[];
  /** Fixed batch size declared by the model, or `null` when the batch dimension is free. */
  fixedBatch: number | null;
  /** Values per sample of the embedding output (0 when the manifest names none). */
  embeddingSize: number;
  /** All graph inputs and outputs with element types and shapes. */
  inputs: OnnxValueSummary[];
  outputs: OnnxValueSummary[];
  /** The header read from the file (IR/opset versions, producer, metadata). */
  onnx: OnnxSummary;
  /** The underlying onnxruntime session (advanced use: an `ort.InferenceSession`). */
  session: OnnxSession;
}

/** Raw outputs of one batch, row-major per sample. `null` for an output the manifest does not name. */
export interface ModelOutputs {
  embedding: Float32Array | null;
  risk: Float32Array | null;
}

/**
 * Loads an ONNX model with onnxruntime-node (CPU by default) together with its preprocessing manifest, and
 * checks that they agree: the input exists, is float32, has rank 5 (NCDHW) or 4 (NCHW) and the channel and
 * spatial sizes the manifest implies; the named outputs exist and `risk` has one value per sample. The file
 * is checked to be a well-formed ONNX protobuf ({@link inspectOnnx}) before native code sees it, and
 * onnxruntime errors are wrapped. onnxruntime-node is an optional peer dependency, imported here on first use.
 *
 * @throws {TaceError} `MISSING_DEPENDENCY` (onnxruntime-node not installed), `IO_ERROR` (unreadable file), `MODEL_ERROR` (not ONNX, rejected by onnxruntime, or
 * manifest and model disagree), `UNSUPPORTED` (manifest version).
 * @example
 * ```ts
 * const model = await loadModel('packages/imaging/models/tace-cnn-v1.onnx', { intraOpThreads: 2 });
 * model.embeddingSize; // 16
 * await releaseModel(model);
 * ```
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<DeepModel> {
  const { executionProviders = ['cpu'], intraOpThreads = 0 } = options;
  assertInteger(intraOpThreads, 'intraOpThreads', 0);
  const bytes = readBytes(path);
  const onnx = inspectOnnx(bytes, path);
  const manifest = readManifest(path, options.preprocessing);
  const runtime = await loadOnnxRuntime();
  let session: ort.InferenceSession;
  try {
    // From the path, not the bytes, so that models with external weight files (> 2 GB) load too.
    session = await runtime.InferenceSession.create(path, {
      executionProviders,
      ...(intraOpThreads > 0 ? { intraOpNumThreads: intraOpThreads } : {}),
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new TaceError('MODEL_ERROR', `onnxruntime could not load ${path}: ${(error as Error).message}`, {
      param: path,
      remedy: 'check the opset (onnxruntime 1.30 supports up to opset 23) and the execution providers',
      cause: error,
    });
  }
  const inputs = mergeMetadata(onnx.inputs, session.inputMetadata);
  const outputs = mergeMetadata(onnx.outputs, session.outputMetadata);
  try {
    const input = checkInput(inputs, manifest, path);
    const model: DeepModel = {
      path,
      manifest,
      inputName: input.name,
      inputShape: input.shape,
      fixedBatch: typeof input.shape[0] === 'number' && input.shape[0] > 0 ? input.shape[0] : null,
      embeddingSize: 0,
      inputs,
      outputs,
      onnx,
      session,
    };
    const embeddingShape = checkOutputs(outputs, manifest, path);
    model.embeddingSize = embeddingShape ?? (await probeEmbeddingSize(model));
    return model;
  } catch (error) {
    await session.release();
    throw error;
  }
}

/** Frees the native session of a model loaded by {@link loadModel}. */
export async function releaseModel(model: DeepModel): Promise<void> {
  await model.session.release();
}

/**
 * Runs one batch of `n` samples laid out as the manifest says (`[n, ...manifestSampleShape]`, row-major).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when `data` has the wrong length, `MODEL_ERROR` when onnxruntime fails.
 */
export async function runModel(model: DeepModel, data: Float32Array, n: number): Promise<ModelOutputs> {
  const sample = manifestSampleShape(model.manifest);
  const perSample = sample.reduce((a, b) => a * b, 1);
  assertInteger(n, 'n', 1);
  if (data.length !== n * perSample) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `data has ${data.length} values, ${n} samples of [${sample}] need ${n * perSample}`,
      {
        param: 'data',
      },
    );
  }
  const { embedding, risk } = model.manifest.outputs;
  const fetches = [embedding, risk].filter((name): name is string => name !== undefined);
  const runtime = await loadOnnxRuntime();
  let result: ort.InferenceSession.ReturnType;
  try {
    const feeds = { [model.inputName]: new runtime.Tensor('float32', data, [n, ...sample]) };
    result = await (model.session as ort.InferenceSession).run(feeds, fetches);
  } catch (error) {
    throw new TaceError('MODEL_ERROR', `onnxruntime failed on ${model.path}: ${(error as Error).message}`, {
      param: model.path,
      cause: error,
    });
  }
  const read = (name: string | undefined): Float32Array | null => {
    if (name === undefined) return null;
    const tensor = result[name];
    if (tensor.type !== 'float32') {
      throw new TaceError('MODEL_ERROR', `output '${name}' is ${tensor.type}, expected float32`, {
        param: name,
      });
    }
    return tensor.data as Float32Array;
  };
  return { embedding: read(embedding), risk: read(risk) };
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot read model file ${path}: ${(error as Error).message}`, {
      param: path,
      cause: error,
    });
  }
}

function readManifest(
  modelPath: string,
  given: PreprocessingManifest | string | undefined,
): PreprocessingManifest {
  if (typeof given === 'object') return parseManifest(given, 'preprocessing');
  const path = given ?? `${modelPath.replace(/\.onnx$/i, '')}.preprocessing.json`;
  if (!existsSync(path)) {
    throw new TaceError('IO_ERROR', `preprocessing manifest ${path} not found`, {
      param: 'preprocessing',
      remedy: 'pass options.preprocessing (a manifest object or the path of its JSON file)',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TaceError('PARSE_ERROR', `${path} is not valid JSON: ${(error as Error).message}`, {
      param: path,
    });
  }
  return parseManifest(json, path);
}

/** Prefers onnxruntime's metadata (names, types, shapes) and falls back to the protobuf declaration. */
function mergeMetadata(
  declared: OnnxValueSummary[],
  runtime: readonly ort.InferenceSession.ValueMetadata[],
): OnnxValueSummary[] {
  return runtime.map((meta) => {
    const fromFile = declared.find((d) => d.name === meta.name);
    if (meta.isTensor && meta.shape.length > 0)
      return { name: meta.name, type: meta.type, shape: [...meta.shape] };
    return fromFile ?? { name: meta.name, type: meta.isTensor ? meta.type : 'non-tensor', shape: [] };
  });
}

function mismatch(path: string, message: string, remedy: string): TaceError {
  return new TaceError('MODEL_ERROR', `${path}: ${message}`, { param: 'preprocessing', remedy });
}

function checkInput(
  inputs: OnnxValueSummary[],
  manifest: PreprocessingManifest,
  path: string,
): OnnxValueSummary {
  const names = inputs.map((i) => `'${i.name}'`).join(', ');
  let input: OnnxValueSummary | undefined;
  if (manifest.input !== null) input = inputs.find((i) => i.name === manifest.input);
  else if (inputs.length === 1) input = inputs[0];
  if (input === undefined) {
    throw mismatch(
      path,
      manifest.input === null
        ? `the model has ${inputs.length} inputs (${names})`
        : `no input '${manifest.input}' (inputs: ${names})`,
      'set "input" in the manifest to one of the model inputs',
    );
  }
  if (input.type !== 'float32') {
    throw mismatch(
      path,
      `input '${input.name}' is ${input.type}, expected float32`,
      'export the model with a float32 input',
    );
  }
  const expected = manifestSampleShape(manifest);
  if (input.shape.length !== expected.length + 1) {
    throw mismatch(
      path,
      `input '${input.name}' has rank ${input.shape.length} [${input.shape.join(', ')}] but layout ${manifest.layout} needs rank ${expected.length + 1}`,
      `use layout ${input.shape.length === 5 ? 'NCDHW' : 'NCHW'} if the model expects that`,
    );
  }
  expected.forEach((size, i) => {
    const declared = input.shape[i + 1];
    if (typeof declared === 'number' && declared > 0 && declared !== size) {
      const axis = manifest.layout === 'NCDHW' ? ['C', 'D', 'H', 'W'][i] : ['C', 'H', 'W'][i];
      throw mismatch(
        path,
        `input '${input.name}' has ${axis} = ${declared} but the manifest implies ${size} (shape [${input.shape.join(', ')}] vs [N, ${expected.join(', ')}])`,
        axis === 'C'
          ? 'list one phase per channel (NCHW: phases x cropSize[2] channels)'
          : 'set cropSize [x, y, z] to the model input size',
      );
    }
  });
  return input;
}

/** Returns the embedding width when the declared shape fixes it, `null` when it must be probed. */
function checkOutputs(
  outputs: OnnxValueSummary[],
  manifest: PreprocessingManifest,
  path: string,
): number | null {
  const find = (role: string, name: string): OnnxValueSummary => {
    const output = outputs.find((o) => o.name === name);
    if (output === undefined) {
      throw mismatch(
        path,
        `no output '${name}' for ${role} (outputs: ${outputs.map((o) => `'${o.name}'`).join(', ')})`,
        `set outputs.${role} in the manifest to one of the model outputs`,
      );
    }
    if (output.type !== 'float32')
      throw mismatch(path, `output '${name}' is ${output.type}`, 'export float32 outputs');
    return output;
  };
  if (manifest.outputs.risk !== undefined) {
    const risk = find('risk', manifest.outputs.risk);
    const rest = risk.shape.slice(1);
    if (rest.some((d) => typeof d === 'number' && d > 1)) {
      throw mismatch(
        path,
        `risk output '${risk.name}' has shape [${risk.shape.join(', ')}], expected one value per sample`,
        'name a [N, 1] or [N] output as risk',
      );
    }
  }
  if (manifest.outputs.embedding === undefined) return 0;
  const rest = find('embedding', manifest.outputs.embedding).shape.slice(1);
  if (rest.length === 0 || !rest.every((d) => typeof d === 'number' && d > 0)) return null;
  return (rest as number[]).reduce((a, b) => a * b, 1);
}

async function probeEmbeddingSize(model: DeepModel): Promise<number> {
  const n = model.fixedBatch ?? 1;
  const perSample = manifestSampleShape(model.manifest).reduce((a, b) => a * b, 1);
  const { embedding } = await runModel(model, new Float32Array(n * perSample), n);
  return embedding === null ? 0 : embedding.length / n;
}
