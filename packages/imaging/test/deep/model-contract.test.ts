import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkModelContract,
  encodeNpy,
  encodeOnnxModel,
  intAttribute,
  type ModelContractRule,
  OnnxGraphBuilder,
  type OnnxModel,
} from '@tace/imaging';
import { describe, expect, it } from 'vitest';

const shipped = fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url));
const trained = fileURLToPath(new URL('../../models/tace-cnn-v2.onnx', import.meta.url));

/** A tiny contract-abiding model: image [N, 2, 4, 4, 4] -> GAP -> embedding [N, 2] -> Gemm -> risk [N, 1]. */
interface Variant {
  inputName?: string;
  inputType?: 'float32' | 'int64';
  inputShape?: (number | string)[];
  embeddingName?: string;
  riskName?: string;
  opset?: number;
  batchNorm?: boolean;
}
const WEIGHT = [0.5, -2];
const BIAS = 0.25;

function tinyModel(v: Variant = {}): OnnxModel {
  const b = new OnnxGraphBuilder('tiny');
  let x = b.input(v.inputName ?? 'image', v.inputShape ?? ['N', 2, 4, 4, 4]);
  if (v.batchNorm) {
    const ones = b.initializer('bn.scale', [2], Float32Array.of(1, 1));
    const zeros = b.initializer('bn.bias', [2], Float32Array.of(0, 0));
    const mean = b.initializer('bn.mean', [2], Float32Array.of(0, 0));
    const variance = b.initializer('bn.var', [2], Float32Array.of(1, 1));
    x = b.node('BatchNormalization', [x, ones, zeros, mean, variance]);
  }
  const gap = b.node('GlobalAveragePool', [x]);
  const embedding = b.node('Flatten', [gap], { axis: intAttribute(1) });
  const w = b.initializer('head.weight', [1, 2], Float32Array.from(WEIGHT));
  const bias = b.initializer('head.bias', [1], Float32Array.of(BIAS));
  const risk = b.node('Gemm', [embedding, w, bias], { transB: intAttribute(1) });
  b.output(v.embeddingName ?? 'embedding', embedding, ['N', 2]);
  b.output(v.riskName ?? 'risk', risk, ['N', 1]);
  const model = b.build({ opsetVersion: v.opset ?? 17 });
  if (v.inputType !== undefined) model.inputs[0] = { ...model.inputs[0], type: v.inputType };
  return model;
}

const MANIFEST = {
  version: 1,
  model: 'tiny',
  layout: 'NCDHW',
  phases: ['arterial', 'portal-venous'],
  cropSize: [4, 4, 4],
  targetSpacing: [3, 3, 3],
  huWindow: [-100, 300],
  normalization: { method: 'minmax', min: -100, max: 300 },
  input: 'image',
  outputs: { embedding: 'embedding', risk: 'risk' },
};

/** The golden pair computed by hand (GAP = channel means, risk = w . embedding + b) in float64. */
function golden(riskShift = 0): { input: Float32Array; embedding: Float32Array; risk: Float32Array } {
  const n = 2;
  const input = Float32Array.from({ length: n * 128 }, (_, i) => ((i * 37) % 101) / 100);
  const embedding = new Float32Array(n * 2);
  const risk = new Float32Array(n);
  for (let s = 0; s < n; s++) {
    let r = BIAS;
    for (let c = 0; c < 2; c++) {
      let sum = 0;
      for (let v = 0; v < 64; v++) sum += input[s * 128 + c * 64 + v];
      embedding[s * 2 + c] = sum / 64;
      r += WEIGHT[c] * (sum / 64);
    }
    risk[s] = r + riskShift;
  }
  return { input, embedding, risk };
}

function writeCase(
  dir: string,
  options: {
    model?: OnnxModel | Uint8Array;
    manifest?: unknown;
    golden?: false | ReturnType<typeof golden>;
  } = {},
): string {
  const path = join(dir, 'model.onnx');
  const model = options.model ?? tinyModel();
  writeFileSync(path, model instanceof Uint8Array ? model : encodeOnnxModel(model));
  if (options.manifest !== null)
    writeFileSync(join(dir, 'model.preprocessing.json'), JSON.stringify(options.manifest ?? MANIFEST));
  const pair = options.golden ?? golden();
  if (pair !== false) {
    writeFileSync(
      join(dir, 'model.golden-input.npy'),
      encodeNpy({ shape: [2, 2, 4, 4, 4], data: pair.input }),
    );
    writeFileSync(
      join(dir, 'model.golden-embedding.npy'),
      encodeNpy({ shape: [2, 2], data: pair.embedding }),
    );
    writeFileSync(join(dir, 'model.golden-risk.npy'), encodeNpy({ shape: [2, 1], data: pair.risk }));
  }
  return path;
}

async function rules(options: Parameters<typeof writeCase>[1]): Promise<ModelContractRule[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tace-contract-'));
  try {
    const report = await checkModelContract(writeCase(dir, options));
    return report.violations.map((v) => v.rule);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('checkModelContract', () => {
  it.each([
    ['tace-cnn-v2 (trained, the default)', trained],
    ['tace-cnn-v1 (random features)', shipped],
  ])('accepts the shipped model %s: its golden pair is reproduced within 1e-5', async (_, path) => {
    const report = await checkModelContract(path);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.goldenMaxDifference).toBeLessThanOrEqual(1e-5);
  });

  it('accepts a small model built to the contract (golden pair computed by hand, 1e-5)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tace-contract-'));
    const report = await checkModelContract(writeCase(dir));
    rmSync(dir, { recursive: true, force: true });
    expect(report.violations).toEqual([]);
    expect(report.goldenMaxDifference).toBeLessThanOrEqual(1e-5);
  });

  // One model per rule, each breaking only that rule: the report names exactly it.
  const cases: [ModelContractRule, Parameters<typeof writeCase>[1]][] = [
    ['model.readable', { model: new TextEncoder().encode('not an onnx model at all') }],
    ['manifest.present', { manifest: null }],
    ['manifest.valid', { manifest: { ...MANIFEST, layout: 'NDHWC' } }],
    ['input.name', { model: tinyModel({ inputName: 'x' }) }],
    ['input.dtype', { model: tinyModel({ inputType: 'int64' }) }],
    ['input.layout', { manifest: { ...MANIFEST, layout: 'NCHW', cropSize: [4, 4, 1] } }],
    ['input.shape', { manifest: { ...MANIFEST, phases: ['arterial', 'portal-venous', 'delayed'] } }],
    ['input.batch', { model: tinyModel({ inputShape: [2, 2, 4, 4, 4] }) }],
    ['output.embedding', { model: tinyModel({ embeddingName: 'features' }) }],
    ['output.risk', { model: tinyModel({ riskName: 'hazard' }) }],
    ['opset', { model: tinyModel({ opset: 11 }) }],
    ['batchnorm.folded', { model: tinyModel({ batchNorm: true }) }],
    ['golden.present', { golden: false }],
    ['golden.reproduced', { golden: golden(1e-3) }],
  ];
  it.each(cases)('reports %s by name', async (rule, options) => {
    expect(await rules(options)).toEqual([rule]);
  });

  it('reports several violations at once', async () => {
    const found = await rules({
      model: tinyModel({ inputName: 'x', opset: 11, batchNorm: true }),
      golden: false,
    });
    expect(found).toEqual(['input.name', 'opset', 'batchnorm.folded', 'golden.present']);
  });
});
