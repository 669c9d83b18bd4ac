import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '@tace/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

describe('tace dl embed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tace-dl-'));
  const cohort = join(dir, 'cohort');
  const manifest = join(cohort, 'manifest.csv');
  beforeAll(async () => {
    expect(await main(['synth', '--out', cohort, '--patients', '4,2,2', '--seed', '3'])).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one row per patient with patient_id, dl_* and dl_risk; 3 shards merged equal one run', async () => {
    const single = join(dir, 'deep.csv');
    expect(await main(['dl', 'embed', '--manifest', manifest, '--out', single, '--threads', '1'])).toBe(0);
    const table = readTable(single);
    expect(Object.keys(table).slice(0, 2)).toEqual(['patient_id', 'dl_0']);
    expect(table.patient_id).toHaveLength(8);
    expect(Object.keys(table)).toContain('dl_risk');
    // A fine patient has an empty error (NA in the CSV).
    expect(
      Array.from(table.error as ArrayLike<unknown>).every((e) => e === null || e === '' || Number.isNaN(e)),
    ).toBe(true);
    const parts = join(dir, 'parts');
    for (let i = 1; i <= 3; i++) {
      expect(
        await main([
          'dl',
          'embed',
          '--manifest',
          manifest,
          '--out',
          parts,
          '--shard',
          `${i}/3`,
          '--threads',
          '1',
        ]),
      ).toBe(0);
    }
    const merged = join(dir, 'merged.csv');
    expect(
      await main(['merge', '--keys', 'patient_id', '--manifest', manifest, '--out', merged, parts]),
    ).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(single, 'utf8'));
  });

  it('--tta pools the unflipped and 3 flipped views (4 samples per patient)', async () => {
    const out = join(dir, 'deep-tta.arrow');
    expect(
      await main([
        'dl',
        'embed',
        '--manifest',
        manifest,
        '--out',
        out,
        '--tta',
        '--batch-size',
        '4',
        '--threads',
        '1',
      ]),
    ).toBe(0);
    const table = readTable(out);
    expect(Array.from(table.n_samples as Float64Array)).toEqual(new Array(8).fill(4));
  });

  it('a patient without a model phase fails in the error column (exit 1); bad options exit 2', async () => {
    // synth writes a quoted CSV: drop the first patient's portal-venous row.
    const lines = readFileSync(manifest, 'utf8').trim().split('\n');
    const kept = lines.filter((line) => !line.startsWith('"C1-001","portal"'));
    expect(kept.length).toBe(lines.length - 1);
    const partial = join(cohort, 'partial.csv');
    writeFileSync(partial, `${kept.join('\n')}\n`);
    const out = join(dir, 'partial-deep.csv');
    expect(await main(['dl', 'embed', '--manifest', partial, '--out', out, '--threads', '1'])).toBe(1);
    const table = readTable(out);
    expect(String((table.error as string[])[0])).toMatch(/portal-venous/);
    expect(await main(['dl', 'embed', '--manifest', manifest, '--out', out, '--batch-size', '0'])).toBe(2);
    expect(await main(['dl', 'embed', '--manifest', manifest, '--out', out, '--phase-map', 'portal'])).toBe(
      2,
    );
  });
});
