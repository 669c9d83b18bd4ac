import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import {
  encodeOnnxModel,
  inspectOnnx,
  loadModel,
  OnnxGraphBuilder,
  type PreprocessingManifest,
  parseManifest,
  releaseModel,
  runModel,
  TACE_CNN_V1_MANIFEST,
} from '@tace/imaging';
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../src/deep/onnx-writer/protobuf-writer.js';

const modelPath = fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tace-deep-'));
const write = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function loadError(
  path: string,
  preprocessing?: PreprocessingManifest | string,
): Promise<{ code: string; message: string }> {
  try {
    const model = await loadModel(path, { preprocessing: preprocessing ?? TACE_CNN_V1_MANIFEST });
    await releaseModel(model);
  } catch (error) {
    return {
      code: isTaceError(error) ? error.code : `not a TaceError: ${error}`,
      message: String((error as Error).message),
    };
  }
  return { code: 'none', message: '' };
}

describe('ProtoWriter and encodeOnnxModel', () => {
  it('encodes varints and negative int64 as protobuf does', () => {
    expect(Array.from(new ProtoWriter().varint(300).finish())).toEqual([0xac, 0x02]);
    expect(Array.from(new ProtoWriter().int64(-1).finish())).toEqual([
      255, 255, 255, 255, 255, 255, 255, 255, 255, 1,
    ]);
    expect(Array.from(new ProtoWriter().stringField(2, 'ab').finish())).toEqual([0x12, 2, 97, 98]);
  });

  it('writes a model that onnxruntime runs and inspectOnnx reads back', async () => {
    const b = new OnnxGraphBuilder('affine');
    const x = b.input('x', ['N', 2]);
    const w = b.initializer('w', [1, 2], Float32Array.of(2, -1));
    const bias = b.initializer('b', [1], Float32Array.of(0.5));
    b.output('y', b.node('Gemm', [x, w, bias], { transB: { type: 'int', value: 1 } }), ['N', 1]);
    const bytes = encodeOnnxModel(b.build({ metadata: { author: 'test' } }));
    const summary = inspectOnnx(bytes);
    expect(summary.inputs).toEqual([{ name: 'x', type: 'float32', shape: ['N', 2] }]);
    expect(summary.outputs).toEqual([{ name: 'y', type: 'float32', shape: ['N', 1] }]);
    expect(summary.metadata).toEqual({ author: 'test' });
    expect(summary.opsetVersion).toBe(17);
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(1, 1, 3, -2), [2, 2]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([1.5, 8.5]);
    await session.release();
  });
});

describe('loadModel', () => {
  it('reads names, shapes and types of the shipped model and its manifest beside it', async () => {
    const model = await loadModel(modelPath, { intraOpThreads: 1 });
    expect(model.inputName).toBe('image');
    expect(model.inputShape).toEqual(['N', 2, 32, 32, 32]);
    expect(model.fixedBatch).toBeNull();
    expect(model.embeddingSize).toBe(16);
    expect(model.outputs.map((o) => o.name)).toEqual(['embedding', 'risk']);
    expect(model.manifest).toEqual(TACE_CNN_V1_MANIFEST);
    expect(model.onnx.metadata['tace.model']).toBe('tace-cnn-v1');
    await releaseModel(model);
  });

  it.each([
    ['a text file', 'hello, I am not a model\n'],
    ['an empty file', ''],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)],
    ['a PNG header', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ['a truncated model', readFileSync(modelPath).subarray(0, 9000)],
  ])('rejects %s with MODEL_ERROR (no native crash)', async (_what, content) => {
    const { code, message } = await loadError(write(`bad-${_what.replace(/\W/g, '')}.onnx`, content));
    expect(code).toBe('MODEL_ERROR');
    expect(message).toContain('not a valid ONNX model');
  });

  it('rejects a protobuf without a graph (e.g. a different message) with MODEL_ERROR', async () => {
    const noGraph = new ProtoWriter().intField(1, 8).stringField(2, 'someone').finish();
    const { code, message } = await loadError(write('no-graph.onnx', noGraph));
    expect(code).toBe('MODEL_ERROR');
    expect(message).toContain('no graph');
  });

  it('wraps onnxruntime rejecting a well-formed protobuf (unknown operator) as MODEL_ERROR', async () => {
    const b = new OnnxGraphBuilder('weird');
    const x = b.input('image', ['N', 2, 32, 32, 32]);
    b.output('embedding', b.node('NoSuchOp', [x]), ['N', 16]);
    const { code, message } = await loadError(write('weird.onnx', encodeOnnxModel(b.build())));
    expect(code).toBe('MODEL_ERROR');
    expect(message).toContain('onnxruntime could not load');
  });

  it('reports a missing file as IO_ERROR and a missing manifest as IO_ERROR', async () => {
    expect((await loadError(join(dir, 'absent.onnx'))).code).toBe('IO_ERROR');
    const copy = write('copy.onnx', readFileSync(modelPath));
    expect((await loadError(copy, join(dir, 'copy.preprocessing.json'))).code).toBe('IO_ERROR');
  });

  it.each([
    ['layout NCHW (wrong input rank)', { layout: 'NCHW' }, 'rank 5'],
    ['three phases (channel mismatch)', { phases: ['arterial', 'portal-venous', 'delayed'] }, 'C = 2'],
    ['cropSize 48 (spatial mismatch)', { cropSize: [48, 48, 48] }, 'D = 32'],
    ['an absent output', { outputs: { embedding: 'features' } }, "no output 'features'"],
    ['an absent input', { input: 'ct' }, "no input 'ct'"],
    ['the embedding named as risk', { outputs: { risk: 'embedding' } }, 'one value per sample'],
  ])('rejects a manifest with %s as MODEL_ERROR', async (_what, change, text) => {
    const { code, message } = await loadError(modelPath, {
      ...TACE_CNN_V1_MANIFEST,
      ...change,
    } as PreprocessingManifest);
    expect(code).toBe('MODEL_ERROR');
    expect(message).toContain(text);
  });

  it('runModel checks the data length', async () => {
    const model = await loadModel(modelPath);
    await expect(runModel(model, new Float32Array(10), 1)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await releaseModel(model);
  });
});

describe('parseManifest', () => {
  it('fills defaults and accepts the documented example', () => {
    const { slices, padValue, maskLabel, input, center, ...rest } = TACE_CNN_V1_MANIFEST;
    expect(parseManifest(rest)).toEqual({ ...TACE_CNN_V1_MANIFEST, input: null });
    expect([slices, padValue, maskLabel, input, center]).toEqual([1, -1024, null, 'image', 'centroid']);
  });

  it.each([
    [{ version: 2 }, 'UNSUPPORTED'],
    [{ phases: [] }, 'MODEL_ERROR'],
    [{ huWindow: [300, -100] }, 'MODEL_ERROR'],
    [{ normalization: { method: 'zscore', mean: 0, std: 0 } }, 'MODEL_ERROR'],
    [{ cropSize: [32, 32] }, 'MODEL_ERROR'],
    [{ targetSpacing: [1, 0, 1] }, 'MODEL_ERROR'],
    [{ outputs: {} }, 'MODEL_ERROR'],
    [{ layout: 'NDHWC' }, 'MODEL_ERROR'],
  ])('rejects %j', (change, code) => {
    let got = 'none';
    try {
      parseManifest({ ...TACE_CNN_V1_MANIFEST, ...change });
    } catch (error) {
      got = isTaceError(error) ? error.code : 'not a TaceError';
    }
    expect(got).toBe(code);
  });
});
