import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import {
  type CohortImageRow,
  type DeepModel,
  type EmbedProgress,
  embedCohort,
  encodeOnnxModel,
  flipSample,
  intAttribute,
  intsAttribute,
  loadModel,
  OnnxGraphBuilder,
  type PatientImages,
  type PreprocessingManifest,
  prepareSamples,
  releaseModel,
  runModel,
  TACE_CNN_V1_MANIFEST,
} from '@tace/imaging';
import { maskFromFunction } from '@tace/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatient } from './synthetic.js';

const modelPath = fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url));

const patients: PatientImages[] = [1, 2, 3, 4, 5].map((seed) => syntheticPatient(seed, 4 + seed));
const missingPhase: PatientImages = {
  phases: { arterial: patients[0].phases.arterial },
  mask: patients[0].mask,
};
const emptyMask: PatientImages = {
  ...patients[1],
  mask: maskFromFunction(patients[1].phases.arterial, () => false),
};
const rows: CohortImageRow[] = [
  { id: 'P1', load: () => patients[0] },
  { id: 'P2', load: async () => patients[1] },
  { id: 'P3-no-pv', load: () => missingPhase },
  { id: 'P4', load: () => patients[2] },
  { id: 'P5-empty', load: () => emptyMask },
  { id: 'P6', load: () => patients[3] },
];
const good = [0, 1, 3, 5];
const goodPatients = [patients[0], patients[1], patients[2], patients[3]];

let model: DeepModel;
beforeAll(async () => {
  model = await loadModel(modelPath, { intraOpThreads: 1 });
});
afterAll(async () => {
  await releaseModel(model);
});

/** Direct per-sample outputs for one prepared input (no batching, no pooling). */
async function direct(m: DeepModel, data: Float32Array): Promise<{ embedding: number[]; risk: number }> {
  const out = await runModel(m, data, 1);
  return { embedding: Array.from(out.embedding ?? []), risk: out.risk === null ? Number.NaN : out.risk[0] };
}

function expectRow(
  table: Record<string, ArrayLike<unknown>>,
  row: number,
  expected: { embedding: number[]; risk: number },
) {
  expected.embedding.forEach((v, c) => {
    expect(Math.abs((table[`dl_${c}`][row] as number) - v)).toBeLessThan(1e-6);
  });
  if (Number.isNaN(expected.risk)) expect(table.dl_risk[row]).toBeNaN();
  else expect(Math.abs((table.dl_risk[row] as number) - expected.risk)).toBeLessThan(1e-6);
}

describe('embedCohort(rows, model)', () => {
  it('returns id, dl_0..dl_15, dl_risk, n_samples, error and records per-patient failures', async () => {
    const progress: EmbedProgress[] = [];
    const table = await embedCohort(rows, model, { batchSize: 3, onProgress: (p) => progress.push(p) });
    expect(Object.keys(table)).toEqual([
      'id',
      ...Array.from({ length: 16 }, (_, c) => `dl_${c}`),
      'dl_risk',
      'n_samples',
      'error',
    ]);
    expect(table.id).toEqual(rows.map((r) => r.id));
    expect(table.error[2]).toContain("phase 'portal-venous' is missing");
    expect(table.error[4]).toContain('no non-zero voxel');
    expect(table.dl_0[2]).toBeNaN();
    expect(table.dl_risk[4]).toBeNaN();
    expect(Array.from(table.n_samples as Int32Array)).toEqual([1, 1, 0, 1, 0, 1]);
    for (let g = 0; g < good.length; g++) {
      expect(table.error[good[g]]).toBeNull();
      expectRow(table, good[g], await direct(model, prepareSamples(goodPatients[g], model.manifest).data));
    }
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every((p) => p.total === 6 && p.label === 'deep embeddings')).toBe(true);
    expect(progress.filter((p) => p.error !== null).map((p) => p.id)).toEqual(['P3-no-pv', 'P5-empty']);
  });

  it('gives the same table for batch sizes 1 and 4, concurrency 1 and 3, and async iterable rows (to 1e-6)', async () => {
    const reference = await embedCohort(rows, model, { batchSize: 1 });
    async function* stream() {
      for (const row of rows) yield row;
    }
    for (const table of [
      await embedCohort(rows, model, { batchSize: 4, concurrency: 3 }),
      await embedCohort(stream(), model, { batchSize: 2, concurrency: 2 }),
    ]) {
      for (const g of good) {
        for (let c = 0; c < 16; c++)
          expect(
            Math.abs((table[`dl_${c}`][g] as number) - (reference[`dl_${c}`][g] as number)),
          ).toBeLessThan(1e-6);
      }
    }
  });

  it('test-time augmentation pools the flipped views (mean, and max)', async () => {
    const flips = [['x'], ['y', 'z']] as const;
    const mean = await embedCohort(rows, model, { batchSize: 2, flips: flips.map((f) => [...f]) });
    const max = await embedCohort(rows, model, {
      batchSize: 5,
      flips: flips.map((f) => [...f]),
      aggregation: 'max',
    });
    expect(mean.n_samples[0]).toBe(3);
    for (let g = 0; g < good.length; g++) {
      const data = prepareSamples(goodPatients[g], model.manifest).data;
      const views = [data, ...flips.map((axes) => flipSample(data, [2, 32, 32, 32], axes))];
      const outs = await Promise.all(views.map((v) => direct(model, v)));
      const pooled = (f: (xs: number[]) => number) => ({
        embedding: outs[0].embedding.map((_, c) => f(outs.map((o) => o.embedding[c]))),
        risk: f(outs.map((o) => o.risk)),
      });
      expectRow(
        mean,
        good[g],
        pooled((xs) => xs.reduce((a, b) => a + b, 0) / xs.length),
      );
      expectRow(
        max,
        good[g],
        pooled((xs) => Math.max(...xs)),
      );
    }
  });

  it('ignores a throwing progress callback', async () => {
    const table = await embedCohort(rows.slice(0, 2), model, {
      onProgress: () => {
        throw new Error('broken display');
      },
    });
    expect(table.error).toEqual([null, null]);
  });

  it('rejects bad options', async () => {
    for (const options of [{ batchSize: 0 }, { concurrency: 0 }, { aggregation: 'median' as 'mean' }]) {
      await expect(embedCohort(rows, model, options)).rejects.toSatisfy((e: unknown) =>
        isTaceError(e, 'INVALID_ARGUMENT'),
      );
    }
  });
});

/** A tiny 2.5D model: [N, 6, 16, 16] (2 phases x 3 slices) -> Conv 3x3 -> ReLU -> GAP -> embedding [N, 4]. */
function sliceModel(batch: number | string): Uint8Array {
  const b = new OnnxGraphBuilder('slices');
  const x = b.input('x', [batch, 6, 16, 16]);
  const w = b.initializer(
    'w',
    [4, 6, 3, 3],
    Float32Array.from({ length: 216 }, (_, i) => Math.sin(i) / 10),
  );
  const conv = b.node('Conv', [x, w], {
    kernel_shape: intsAttribute([3, 3]),
    pads: intsAttribute([1, 1, 1, 1]),
  });
  const gap = b.node('GlobalAveragePool', [b.node('Relu', [conv])]);
  b.output('embedding', b.node('Flatten', [gap], { axis: intAttribute(1) }), [batch, 4]);
  return encodeOnnxModel(b.build());
}

const sliceManifest: PreprocessingManifest = {
  ...TACE_CNN_V1_MANIFEST,
  model: 'slices',
  layout: 'NCHW',
  cropSize: [16, 16, 3],
  targetSpacing: [1.5, 1.5, 3],
  slices: 2,
  input: null,
  outputs: { embedding: 'embedding' },
};

describe('embedCohort with an NCHW (2.5D) model written by OnnxGraphBuilder', () => {
  it('pools the largest-area slice stacks per patient; dl_risk is NaN without a risk output', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tace-slices-'));
    writeFileSync(join(dir, 'dynamic.onnx'), sliceModel('N'));
    writeFileSync(join(dir, 'fixed.onnx'), sliceModel(3));
    const dynamic = await loadModel(join(dir, 'dynamic.onnx'), { preprocessing: sliceManifest });
    const fixed = await loadModel(join(dir, 'fixed.onnx'), { preprocessing: sliceManifest });
    try {
      expect(dynamic.embeddingSize).toBe(4);
      expect(fixed.fixedBatch).toBe(3); // 4 samples: a full batch and a zero-padded one
      const table = await embedCohort(rows.slice(0, 2), dynamic, { batchSize: 3 });
      const fixedTable = await embedCohort(rows.slice(0, 2), fixed);
      expect(Array.from(table.n_samples as Int32Array)).toEqual([2, 2]);
      for (let p = 0; p < 2; p++) {
        const prepared = prepareSamples(patients[p], sliceManifest);
        expect(prepared.samples).toBe(2);
        const outs = await Promise.all(
          [0, 1].map((s) => direct(dynamic, prepared.data.slice(s * 1536, (s + 1) * 1536))),
        );
        const expected = {
          embedding: outs[0].embedding.map((v, c) => (v + outs[1].embedding[c]) / 2),
          risk: Number.NaN,
        };
        expectRow(table, p, expected);
        expectRow(fixedTable, p, expected);
      }
      // TTA on slice stacks: a z flip reverses the 3 adjacent planes of each phase.
      const zFlip = await embedCohort(rows.slice(0, 1), dynamic, { flips: [['z', 'x']] });
      const prepared0 = prepareSamples(patients[0], sliceManifest);
      const views = [0, 1].flatMap((s) => {
        const sample = prepared0.data.slice(s * 1536, (s + 1) * 1536);
        return [sample, flipSample(sample, [2, 3, 16, 16], ['z', 'x'])];
      });
      const viewOuts = await Promise.all(views.map((v) => direct(dynamic, v)));
      expectRow(zFlip, 0, {
        embedding: viewOuts[0].embedding.map((_, c) => viewOuts.reduce((a, o) => a + o.embedding[c], 0) / 4),
        risk: Number.NaN,
      });
      await expect(embedCohort(rows, fixed, { batchSize: 2 })).rejects.toSatisfy((e: unknown) =>
        isTaceError(e, 'INVALID_ARGUMENT'),
      );
    } finally {
      await releaseModel(dynamic);
      await releaseModel(fixed);
    }
  });
});
