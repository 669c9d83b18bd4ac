import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '@tace/cli';
import { readTable } from '@tace/core';
import { extractCohort, readManifest } from '@tace/imaging';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzFolder } from './fuzz-harness.js';
import { writeCohort } from './helpers/cohort-fixture.js';

const folder = fuzzFolder('cohort');
afterAll(folder.dispose);
const PARAMS = { setting: { binWidth: 25 }, featureClass: { firstorder: null, glcm: null } };

describe('cohort robustness', () => {
  it('one corrupted patient among eight: `tace radiomics extract` finishes, recording that patient’s error', async () => {
    const { manifest, ids } = writeCohort(join(folder.dir, 'cli'), 8, [4]);
    const out = join(folder.dir, 'cli', 'features.arrow');
    const code = await main(['radiomics', 'extract', '--manifest', manifest, '--out', out, '--threads', '2']);
    expect(code).toBe(1); // EXIT.partial: finished, some rows failed
    const table = readTable(out);
    expect(table.patient_id).toEqual(ids);
    const errors = table.error as (string | null)[];
    expect(errors.filter((e) => e !== null && e !== '')).toHaveLength(1);
    expect(errors[4]).toContain('P005_ct.nii');
    expect(errors[4]).toMatch(/too short|truncated|NIfTI/);
    const mean = table.original_firstorder_Mean as Float64Array;
    expect(Number.isNaN(mean[4]!)).toBe(true);
    expect([...mean].filter(Number.isFinite)).toHaveLength(7);
  });

  it('an interrupted run resumes without duplicating rows and gives the table of an uninterrupted run', async () => {
    const { manifest } = writeCohort(join(folder.dir, 'resume'), 7, [2]);
    const rows = readManifest(manifest);
    const full = join(folder.dir, 'resume', 'full.csv');
    await extractCohort(rows, PARAMS, { threads: 1, outPath: full });
    // "Interrupted" after the first batch: only 4 rows were written.
    const partial = join(folder.dir, 'resume', 'partial.csv');
    await extractCohort(rows.slice(0, 4), PARAMS, { threads: 1, outPath: partial });
    const resumed = await extractCohort(rows, PARAMS, { threads: 1, outPath: partial, resume: true });
    // 3 good rows kept; the failed patient (P003) is retried, as are the 3 never started.
    expect(resumed.skipped).toBe(3);
    expect(resumed.failed).toBe(1);
    const table = readTable(partial);
    expect(new Set(table.patient_id as string[]).size).toBe(7);
    expect(table.patient_id).toHaveLength(7);
    expect(readFileSync(partial, 'utf8')).toBe(readFileSync(full, 'utf8'));
    // Resuming a complete table does nothing and changes nothing.
    const again = await extractCohort(rows, PARAMS, { threads: 1, outPath: partial, resume: true });
    expect(again.skipped).toBe(6);
    expect(readFileSync(partial, 'utf8')).toBe(readFileSync(full, 'utf8'));
  });
});
