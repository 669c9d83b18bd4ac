import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable, stringColumn } from '@tace/core';
import {
  type CropDatasetRow,
  decodeNpy,
  embedCohort,
  loadModel,
  prepareSamples,
  releaseModel,
  runModel,
  TACE_CNN_V1_MANIFEST,
  writeCropDataset,
} from '@tace/imaging';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticPatient } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-crops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const patients = [
  { id: 'p1', seed: 3, radius: 6, time: 12.5, event: 1, cohort: 'training' },
  { id: 'p2', seed: 7, radius: 9, time: 30, event: 0, cohort: 'external' },
  { id: 'p3', seed: 11, radius: 5, time: 4, event: 1, cohort: 'internal' },
];
const rows = (): CropDatasetRow[] => [
  ...patients.slice(0, 2).map((p) => ({ ...p, load: () => syntheticPatient(p.seed, p.radius) })),
  {
    id: 'broken',
    time: 1,
    event: 0,
    cohort: 'training',
    load: () => ({
      phases: { arterial: syntheticPatient(1, 5).phases.arterial },
      mask: syntheticPatient(1, 5).mask,
    }),
  },
  { ...patients[2], load: () => syntheticPatient(patients[2].seed, patients[2].radius) },
];

describe('writeCropDataset', () => {
  it('writes the inference crops bit for bit to .npy, with ids, outcome and cohort in the CSV', async () => {
    const prefix = join(dir, 'train');
    const summary = await writeCropDataset(rows(), TACE_CNN_V1_MANIFEST, prefix);
    expect(summary.shape).toEqual([3, 2, 32, 32, 32]);
    expect(summary.failed.map((f) => f.id)).toEqual(['broken']);
    const { shape, data } = decodeNpy(readFileSync(summary.npyPath));
    expect(shape).toEqual([3, 2, 32, 32, 32]);
    const per = 2 * 32 ** 3;
    patients.forEach((p, i) => {
      const expected = prepareSamples(syntheticPatient(p.seed, p.radius), TACE_CNN_V1_MANIFEST).data;
      const got = data.subarray(i * per, (i + 1) * per);
      // bit for bit: compare the IEEE-754 words
      expect(new Uint32Array(got.slice().buffer)).toEqual(new Uint32Array(expected.buffer));
    });
    const csv = readTable(summary.csvPath);
    expect(stringColumn(csv, 'patient_id')).toEqual(['p1', 'p2', 'broken', 'p3']);
    expect(Array.from(csv.row as ArrayLike<number>)).toEqual([0, 1, -1, 2]);
    expect(Array.from(csv.time as ArrayLike<number>)).toEqual([12.5, 30, 1, 4]);
    expect(Array.from(csv.event as ArrayLike<number>)).toEqual([1, 0, 0, 1]);
    expect(stringColumn(csv, 'cohort')).toEqual(['training', 'external', 'training', 'internal']);
    expect(stringColumn(csv, 'error')[2]).toMatch(/portal-venous/);
    expect(JSON.parse(readFileSync(summary.manifestPath, 'utf8'))).toEqual(TACE_CNN_V1_MANIFEST);
  });

  it('the shipped model on the written crops gives embedCohort embeddings (1e-6)', async () => {
    const model = await loadModel(fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url)), {
      intraOpThreads: 1,
    });
    try {
      const summary = await writeCropDataset(rows(), TACE_CNN_V1_MANIFEST, join(dir, 'check'));
      const { data } = decodeNpy(readFileSync(summary.npyPath));
      const direct = await runModel(model, data, 3);
      const table = await embedCohort(
        patients.map((p) => ({ id: p.id, load: () => syntheticPatient(p.seed, p.radius) })),
        model,
        { batchSize: 1 },
      );
      for (let i = 0; i < 3; i++)
        for (let c = 0; c < model.embeddingSize; c++)
          expect(
            Math.abs((table[`dl_${c}`] as Float64Array)[i] - direct.embedding![i * 16 + c]),
          ).toBeLessThanOrEqual(1e-6);
    } finally {
      await releaseModel(model);
    }
  });
});
