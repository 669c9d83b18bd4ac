import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  inspectOnnx,
  loadModel,
  prepareSamples,
  releaseModel,
  runModel,
  TACE_CNN_V1_MANIFEST,
} from '@tace/imaging';
import { describe, expect, it } from 'vitest';
import { syntheticPatient } from './synthetic.js';

// tace-cnn-v2: the tace-cnn network trained by training/train.py (Cox loss) on synthetic tumours. Its
// contract (golden pair within 1e-5) is checked in model-contract.test.ts; its C-index against tace-cnn-v1 on
// 2,000 synthetic external patients is measured by bench/deep-arm-external.mjs (training/README.md).
const models = new URL('../../models/', import.meta.url);
const path = (name: string) => fileURLToPath(new URL(name, models));

describe('the shipped trained model tace-cnn-v2', () => {
  it('crops exactly as tace-cnn-v1 (same manifest but for its name), so the two compare on the same inputs', () => {
    const manifest = JSON.parse(readFileSync(path('tace-cnn-v2.preprocessing.json'), 'utf8'));
    expect(manifest).toEqual({ ...TACE_CNN_V1_MANIFEST, model: 'tace-cnn-v2' });
  });

  it('has the tace-cnn graph (two 3^3 convolutions, no batch norm left) and its training record', () => {
    const onnx = inspectOnnx(readFileSync(path('tace-cnn-v2.onnx')));
    expect(onnx.operators.filter((op) => op === 'Conv')).toHaveLength(2);
    expect(onnx.operators).not.toContain('BatchNormalization');
    const record = JSON.parse(readFileSync(path('tace-cnn-v2.training.json'), 'utf8'));
    expect(record.args).toMatchObject({
      network: 'tace-cnn',
      train_cohort: 'training',
      val_cohort: 'internal',
    });
    expect(record.samples).toEqual({ train: 1030, validation: 470 });
    expect(record.history[record.bestEpoch - 1].cIndex).toBe(record.bestValidationCIndex);
    expect(record.bestValidationCIndex).toBeGreaterThan(record.history[0].cIndex);
  });

  it('is not the random-feature network: other embeddings and risks on the same crops', async () => {
    const crops = [syntheticPatient(3, 9), syntheticPatient(5, 14)].map(
      (p) => prepareSamples(p, TACE_CNN_V1_MANIFEST).data,
    );
    const data = new Float32Array(crops[0].length * 2);
    data.set(crops[0]);
    data.set(crops[1], crops[0].length);
    const run = async (name: string) => {
      const model = await loadModel(path(name), { intraOpThreads: 1 });
      try {
        expect(model.embeddingSize).toBe(16);
        return await runModel(model, data, 2);
      } finally {
        await releaseModel(model);
      }
    };
    const trained = await run('tace-cnn-v2.onnx');
    const random = await run('tace-cnn-v1.onnx');
    expect(Array.from(trained.risk!).every(Number.isFinite)).toBe(true);
    expect(Math.max(...trained.embedding!.map((v, i) => Math.abs(v - random.embedding![i])))).toBeGreaterThan(
      1e-3,
    );
  });
});
