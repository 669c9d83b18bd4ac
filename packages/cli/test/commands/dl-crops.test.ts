// `tace dl crops` (issue 25 item 1): the crops written for training are the crops inference makes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readTable } from '@tace/core';
import { decodeNpy, prepareSamples, readImage, TACE_CNN_V1_MANIFEST } from '@tace/imaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

describe('tace dl crops', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tace-dl-crops-'));
  const cohort = join(dir, 'cohort');
  const manifest = join(cohort, 'manifest.csv');
  const clinical = join(cohort, 'clinical.csv');
  beforeAll(async () => {
    expect(await main(['synth', '--out', cohort, '--patients', '3,2,2', '--seed', '11'])).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .npy + CSV + manifest; each crop equals prepareSamples on the same images; outcomes joined by id', async () => {
    const prefix = join(dir, 'crops', 'all');
    expect(await main(['dl', 'crops', '--manifest', manifest, '--clinical', clinical, '--out', prefix])).toBe(
      0,
    );
    const npy = decodeNpy(new Uint8Array(readFileSync(`${prefix}.npy`)));
    expect(npy.shape).toEqual([7, 2, 32, 32, 32]);
    const rows = readTable(`${prefix}.csv`);
    expect(Object.keys(rows)).toEqual(['row', 'patient_id', 'sample', 'time', 'event', 'cohort', 'error']);
    const clin = readTable(clinical);
    const ids = Array.from(clin.patient_id as ArrayLike<string>);
    for (let r = 0; r < 7; r++) {
      const id = (rows.patient_id as ArrayLike<string>)[r];
      const c = ids.indexOf(id);
      expect((rows.time as ArrayLike<number>)[r]).toBe((clin.os_months as ArrayLike<number>)[c]);
      expect((rows.event as ArrayLike<number>)[r]).toBe((clin.death as ArrayLike<number>)[c]);
      expect((rows.cohort as ArrayLike<string>)[r]).toBe((clin.cohort as ArrayLike<string>)[c]);
    }
    const used = JSON.parse(readFileSync(`${prefix}.preprocessing.json`, 'utf8'));
    expect(used.phases).toEqual(TACE_CNN_V1_MANIFEST.phases);
    expect(used.cropSize).toEqual(TACE_CNN_V1_MANIFEST.cropSize);
    // The first patient's crop, made here from its files with the library function, equals row 0 bit for bit.
    const m = readTable(manifest);
    const first = (rows.patient_id as ArrayLike<string>)[0];
    const path = (phase: string, column: 'image' | 'mask') => {
      const pid = m.patient_id as ArrayLike<string>;
      const ph = m.phase as ArrayLike<string>;
      for (let i = 0; i < pid.length; i++) {
        if (pid[i] === first && ph[i] === phase)
          return join(dirname(manifest), (m[column] as ArrayLike<string>)[i]);
      }
      throw new Error(`no ${phase} row for ${first}`);
    };
    const prepared = prepareSamples(
      {
        phases: {
          arterial: await readImage(path('arterial', 'image')),
          'portal-venous': await readImage(path('portal', 'image')),
        },
        mask: await readImage(path('arterial', 'mask')),
      },
      TACE_CNN_V1_MANIFEST,
    );
    expect(prepared.samples).toBe(1);
    expect(Buffer.from(npy.data.buffer, npy.data.byteOffset, prepared.data.length * 4)).toEqual(
      Buffer.from(prepared.data.buffer, prepared.data.byteOffset, prepared.data.byteLength),
    );
  });

  it('without --clinical: NaN outcomes and an empty cohort; a patient missing a phase fails in its row (exit 1)', async () => {
    const lines = readFileSync(manifest, 'utf8').trim().split('\n');
    const kept = lines.filter((line) => !line.startsWith('"C1-001","portal"'));
    expect(kept.length).toBe(lines.length - 1);
    const partial = join(cohort, 'partial.csv');
    writeFileSync(partial, `${kept.join('\n')}\n`);
    const prefix = join(dir, 'partial');
    expect(await main(['dl', 'crops', '--manifest', partial, '--out', prefix])).toBe(1);
    const rows = readTable(`${prefix}.csv`);
    const ids = Array.from(rows.patient_id as ArrayLike<string>);
    const failed = ids.indexOf('C1-001');
    expect((rows.row as ArrayLike<number>)[failed]).toBe(-1);
    expect(String((rows.error as ArrayLike<string>)[failed])).toMatch(/portal-venous/);
    expect(Number.isNaN((rows.time as ArrayLike<number>)[0])).toBe(true);
    expect(decodeNpy(new Uint8Array(readFileSync(`${prefix}.npy`))).shape[0]).toBe(6);
  });

  it('missing --out or a missing preprocessing manifest exit 2', async () => {
    expect(await main(['dl', 'crops', '--manifest', manifest])).toBe(2);
    expect(
      await main([
        'dl',
        'crops',
        '--manifest',
        manifest,
        '--out',
        join(dir, 'x'),
        '--preprocessing',
        join(dir, 'none.json'),
      ]),
    ).not.toBe(0);
  });
});
