import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, writeTable } from '@tace/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { writeSyntheticStudy } from './study-table.js';

// Each run re-fits and re-validates the study (tens of seconds on 2 shared cores): the global timeout
// (vitest.config.ts, >= 5x the quiet time) applies.
describe('tace model fit / validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tace-model-'));
  const data = join(dir, 'study.csv');
  const models = join(dir, 'models');
  beforeAll(() => writeSyntheticStudy(data));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('model fit writes signatures, CRM coefficients, nomogram and a bundle', async () => {
    const code = await main([
      'model',
      'fit',
      '--data',
      data,
      '--time',
      'os_months',
      '--event',
      'death',
      '--radiomics',
      'rad_',
      '--deep',
      'dl_',
      '--clinical',
      'albi',
      '--scores',
      'bclc_code=BCLC',
      '--folds',
      '5',
      '--seed',
      '11',
      '--out',
      models,
    ]);
    expect(code).toBe(0);
    for (const file of ['signatures.json', 'crm-coefficients.csv', 'nomogram.json', 'model-bundle.json']) {
      expect(existsSync(join(models, file))).toBe(true);
    }
    const signatures = JSON.parse(readFileSync(join(models, 'signatures.json'), 'utf8'));
    expect(signatures.signatures.map((s: { column: string }) => s.column)).toEqual([
      'radScore',
      'dlScore',
      'earlyFusionScore',
    ]);
    const bundle = JSON.parse(readFileSync(join(models, 'model-bundle.json'), 'utf8'));
    expect(bundle.models.map((m: { name: string }) => m.name)).toEqual([
      'CRM',
      'Rad-score',
      'DL score',
      'Early fusion',
      'Late fusion',
      'BCLC',
    ]);
    const crm = readTable(join(models, 'crm-coefficients.csv'));
    expect(Object.keys(crm).length).toBeGreaterThan(3);
  });

  it('model validate: 4 shards + merge equal one process byte for byte', async () => {
    const common = [
      'model',
      'validate',
      '--bundle',
      models,
      '--data',
      data,
      '--replicates',
      '40',
      '--seed',
      '5',
    ];
    const single = join(dir, 'single');
    expect(await main([...common, '--out', single])).toBe(0);
    const parts = join(dir, 'parts');
    for (let i = 1; i <= 4; i++) expect(await main([...common, '--out', parts, '--shard', `${i}/4`])).toBe(0);
    const merged = join(dir, 'merged');
    expect(
      await main([
        'model',
        'validate',
        '--bundle',
        models,
        '--data',
        data,
        '--out',
        merged,
        '--merge-parts',
        parts,
      ]),
    ).toBe(0);
    for (const file of ['validation.csv', 'validation.arrow', 'cutpoints.json']) {
      expect(readFileSync(join(merged, file)).equals(readFileSync(join(single, file)))).toBe(true);
    }
    const table = readTable(join(single, 'validation.csv'));
    const metric = table.metric as string[];
    const c = metric.indexOf('harrell_c');
    const lower = table.lower as Float64Array;
    const upper = table.upper as Float64Array;
    const estimate = table.estimate as Float64Array;
    expect(lower[c]).toBeLessThanOrEqual(upper[c]);
    expect(estimate[c]).toBeGreaterThan(0.5);
    expect(metric).toContain('bootstrap_c_p');
  });

  it('report renders the fitted and validated study as one HTML file', async () => {
    const html = join(dir, 'report.html');
    const omics = join(dir, 'comparison.csv');
    writeTable({ set: ['HYPOXIA'], medianDifference: [0.4], adjustedPValue: [0.01] }, omics);
    const code = await main([
      'report',
      '--bundle',
      models,
      '--validation',
      join(dir, 'single'),
      '--data',
      data,
      '--omics',
      omics,
      '--out',
      html,
    ]);
    expect(code).toBe(0);
    const text = readFileSync(html, 'utf8');
    for (const id of [
      'forest-crm',
      'nomogram',
      'c-index',
      'km-crm-training',
      'km-crm-internal',
      'km-crm-external',
      'calibration-crm',
    ]) {
      expect(text).toContain(`<figure id="${id}">`);
    }
    expect(text).toContain('HYPOXIA');
    expect(text).not.toMatch(/<script/);
    expect(
      await main(['report', '--bundle', models, '--validation', dir, '--data', data, '--out', html]),
    ).toBe(3);
  });

  it('model validate refuses an incomplete set of parts (exit 3) and bad options (exit 2)', async () => {
    const partial = join(dir, 'partial');
    const common = ['model', 'validate', '--bundle', models, '--data', data, '--replicates', '20'];
    expect(await main([...common, '--out', partial, '--shard', '1/2'])).toBe(0);
    expect(await main([...common, '--out', join(dir, 'm2'), '--merge-parts', partial])).toBe(3);
    expect(await main([...common, '--out', join(dir, 'x'), '--replicates', '3'])).toBe(2);
    expect(await main([...common, '--out', join(dir, 'x'), '--bogus'])).toBe(2);
    expect(
      await main(['model', 'validate', '--bundle', join(dir, 'nowhere'), '--data', data, '--out', dir]),
    ).toBe(3);
  });
});
