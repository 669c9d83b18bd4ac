import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DeepModel,
  deepCohortRows,
  embedCohort,
  embedManifest,
  loadModel,
  readManifest,
  releaseModel,
  writeNifti,
} from '@tace/imaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatient } from './synthetic.js';

const modelPath = fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url));
let model: DeepModel;
beforeAll(async () => {
  model = await loadModel(modelPath, { intraOpThreads: 1 });
});
afterAll(async () => {
  await releaseModel(model);
});

describe('deepCohortRows(readManifest(csv), manifest)', () => {
  it('reads each patient phases and mask from NIfTI files and gives the in-memory embeddings (1e-5)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tace-deep-manifest-'));
    const patients = [1, 2].map((seed) => syntheticPatient(seed, 6 + seed));
    // Patient 2's mask also holds a second label (2) that the manifest's label column excludes.
    const lines = ['patient_id,phase,image,mask,label'];
    patients.forEach((p, n) => {
      const mask = {
        ...p.mask,
        data: Uint8Array.from(p.mask.data, (v, i) => (v === 1 ? 1 : i % 97 === 0 ? 2 : 0)),
      };
      writeNifti(join(dir, `p${n}-art.nii.gz`), p.phases.arterial);
      writeNifti(join(dir, `p${n}-pv.nii.gz`), p.phases['portal-venous']);
      writeNifti(join(dir, `p${n}-mask.nii.gz`), mask);
      lines.push(`P${n},arterial,p${n}-art.nii.gz,p${n}-mask.nii.gz,1`);
      lines.push(`P${n},portal-venous,p${n}-pv.nii.gz,p${n}-mask.nii.gz,1`);
    });
    lines.push('P9,arterial,p0-art.nii.gz,p0-mask.nii.gz,1');
    writeFileSync(join(dir, 'cohort.csv'), `${lines.join('\n')}\n`);

    const rows = deepCohortRows(readManifest(join(dir, 'cohort.csv')), model.manifest);
    expect(rows.map((r) => r.id)).toEqual(['P0', 'P1', 'P9']);
    const fromFiles = await embedCohort(rows, model);
    const inMemory = await embedCohort(
      patients.map((p, n) => ({ id: `P${n}`, load: () => p })),
      model,
    );
    for (let n = 0; n < 2; n++) {
      expect(fromFiles.error[n]).toBeNull();
      for (let c = 0; c < 16; c++) {
        // NIfTI stores the geometry in float32, so crop positions may move by ~1e-6 mm.
        expect(
          Math.abs((fromFiles[`dl_${c}`][n] as number) - (inMemory[`dl_${c}`][n] as number)),
        ).toBeLessThan(1e-5);
      }
    }
    expect(fromFiles.error[2]).toContain("no manifest rows for phase 'portal-venous'");

    // The same through embedManifest, cropping in 2 worker threads (and in this thread): identical tables.
    const manifestRows = readManifest(join(dir, 'cohort.csv'));
    for (const threads of [1, 2]) {
      const pooled = await embedManifest(manifestRows, model, { threads, batchSize: 2 });
      expect(pooled.id).toEqual(fromFiles.id);
      expect(pooled.error).toEqual(fromFiles.error);
      for (let c = 0; c < 16; c++)
        expect(Array.from(pooled[`dl_${c}`] as Float64Array)).toEqual(
          Array.from(fromFiles[`dl_${c}`] as Float64Array),
        );
    }
  });
});
