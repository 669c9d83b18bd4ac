import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCohort, extractFeatures, readImage, readManifest, writeNifti } from '../../src/index.js';

const work = mkdtempSync(join(tmpdir(), 'tace-cohort-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small synthetic CT (random HU) with a cuboid tumour of label 1 and a second label 2. */
function writePatient(name: string, seed: number): void {
  const size: [number, number, number] = [12, 10, 6];
  const n = size[0] * size[1] * size[2];
  const data = new Int16Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    data[i] = (s % 400) - 100;
  }
  const mask = new Uint8Array(n);
  for (let k = 1; k < 5; k++)
    for (let j = 2; j < 7; j++) for (let i = 3; i < 9; i++) mask[i + 12 * (j + 10 * k)] = 1;
  mask[0] = 2;
  const geometry = {
    size,
    spacing: [0.8, 0.8, 2.5] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ],
  };
  writeNifti(join(work, `${name}_ct.nii.gz`), { ...geometry, data });
  writeNifti(join(work, `${name}_mask.nii.gz`), { ...geometry, data: mask });
}

describe('extractCohort', () => {
  writePatient('p1', 7);
  writePatient('p2', 11);
  writePatient('p3', 13);
  const manifest = join(work, 'manifest.csv');
  writeFileSync(
    manifest,
    [
      'patient_id,phase,image,mask,label',
      'p1,arterial,p1_ct.nii.gz,p1_mask.nii.gz,1',
      'p2,arterial,p2_ct.nii.gz,p2_mask.nii.gz,',
      'p3,arterial,p3_ct.nii.gz,p3_mask.nii.gz,5',
      'p4,arterial,missing_ct.nii.gz,p1_mask.nii.gz,1',
    ].join('\n'),
  );
  const parameters = { featureClass: { firstorder: null, shape: null } };

  it('reads the manifest with paths relative to it and optional labels', () => {
    const rows = readManifest(manifest);
    expect(rows.map((r) => r.patientId)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(rows[0]!.image).toBe(join(work, 'p1_ct.nii.gz'));
    expect(rows.map((r) => r.label)).toEqual([1, null, 5, 1]);
  });

  it('gives one row per patient, equal to extractFeatures, with errors in a column instead of aborting', async () => {
    const events: number[] = [];
    const { table, failed } = await extractCohort(manifest, parameters, {
      threads: 1,
      onProgress: (e) => events.push(e.done),
    });
    expect(table.patient_id).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(failed).toBe(2);
    expect((table.error as string[])[0]).toBe('');
    expect((table.error as string[])[2]).toMatch(/label 5 is not present.*1, 2/);
    expect((table.error as string[])[3]).toMatch(/no such file/);
    const direct = extractFeatures(
      readImage(join(work, 'p2_ct.nii.gz')),
      readImage(join(work, 'p2_mask.nii.gz')),
      parameters,
    );
    for (const [name, value] of Object.entries(direct.features))
      expect((table[name] as Float64Array)[1]).toBe(value);
    expect(Number.isNaN((table.original_firstorder_Mean as Float64Array)[3])).toBe(true);
    expect(events.at(-1)).toBe(4);
  });

  it('two worker threads give the same table as one thread', async () => {
    const one = await extractCohort(manifest, parameters, { threads: 1 });
    const two = await extractCohort(manifest, parameters, { threads: 2 });
    expect(two.table).toEqual(one.table);
  }, 60000);

  it('writes the table and resumes, skipping the patients done', async () => {
    const outPath = join(work, 'features.csv');
    const first = await extractCohort(manifest, parameters, { threads: 1, outPath });
    const written = readTable(outPath);
    expect(Array.from(written.original_firstorder_Mean as Float64Array)[0]).toBeCloseTo(
      (first.table.original_firstorder_Mean as Float64Array)[0]!,
      10,
    );
    const again = await extractCohort(manifest, parameters, { threads: 1, outPath, resume: true });
    expect(again.skipped).toBe(2); // p1, p2 done; p3, p4 failed and are retried
    expect(again.failed).toBe(2);
    expect(again.table.patient_id).toEqual(['p1', 'p2', 'p3', 'p4']);
  });
});

const CT = 'radiomics/ibsi/ct_phantom';
const ct = sharedDataPath(CT);
describe.skipIf(ct === null)(
  `extractCohort on DICOM + RTSTRUCT ${ct === null ? sharedDataSkipMessage(CT) : ''}`,
  () => {
    it('reads a DICOM folder with an RTSTRUCT mask (ROI by name in the label column) like the NIfTI pair', async () => {
      const rows = [
        {
          patientId: 'phantom',
          phase: 'dicom',
          image: `${ct}/dicom/image`,
          mask: `${ct}/dicom/mask/DCM_RS_00060.dcm`,
          label: 'GTV-1',
        },
        {
          patientId: 'phantom',
          phase: 'nifti',
          image: `${ct}/nifti/phantom.nii.gz`,
          mask: `${ct}/nifti/mask.nii.gz`,
          label: 1,
        },
      ];
      const { table, failed } = await extractCohort(
        rows,
        { featureClass: { firstorder: null } },
        { threads: 1 },
      );
      expect(failed).toBe(0);
      const mean = table.original_firstorder_Mean as Float64Array;
      expect(mean[0]).toBe(mean[1]);
    });
  },
);
