import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, writeTable } from '@tace/core';
import { sharedDataPath } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-tme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lihc = sharedDataPath('tcga-lihc/expression_500_most_variable.csv');
const lihcSamples = sharedDataPath('tcga-lihc/samples_500_most_variable.csv');

describe.skipIf(lihc === null || lihcSamples === null)('tace omics on the shared TCGA-LIHC example', () => {
  it('omics score fails on the duplicated genes without --collapse and runs with --collapse max-mean', async () => {
    const out = join(dir, 'scores.csv');
    expect(
      await main(['omics', 'score', '--expression', lihc as string, '--threads', '1', '--out', out]),
    ).not.toBe(0);
    const code = await main([
      'omics',
      'score',
      '--expression',
      lihc as string,
      '--collapse',
      'max-mean',
      '--threads',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readTable(out).sample.length).toBeGreaterThan(300);
  });

  it('omics tme writes the tidy comparison table and the per-sample scores', async () => {
    const groups = join(dir, 'stage.csv');
    const samples = readTable(lihcSamples as string);
    writeTable(
      {
        sample_id: samples.Sample_ID as string[],
        risk_group: (samples.tumor_stage as string[]).map((s) => (/iii|iv/.test(s ?? '') ? 'high' : 'low')),
      },
      groups,
    );
    const out = join(dir, 'tme.csv');
    const code = await main([
      'omics',
      'tme',
      '--expression',
      lihc as string,
      '--collapse',
      'max-mean',
      '--groups',
      groups,
      '--analyses',
      'mcpcounter,progeny,immune-cells,immune-panel',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const table = readTable(out);
    expect(Object.keys(table).slice(0, 4)).toEqual(['analysis', 'feature', 'target', 'reference']);
    // immune-panel is skipped (reported on stderr): no checkpoint gene among these 500 genes
    expect(new Set(table.analysis as string[])).toEqual(new Set(['mcpcounter', 'progeny', 'immune-cells']));
    const scores = readTable(join(dir, 'tme-scores.csv'));
    expect(Object.keys(scores)).toContain('progeny:Hypoxia');
  });
});

describe('tace sc compare', () => {
  it('tests per cell type with patients as the unit and reports the cell types left out', async () => {
    const patient: string[] = [];
    const cellType: string[] = [];
    const hypoxia: number[] = [];
    for (let p = 0; p < 6; p++) {
      for (let c = 0; c < 8; c++) {
        patient.push(`P${p}`);
        cellType.push(c < 6 ? 'T' : 'Mast');
        hypoxia.push(p + c / 10);
      }
    }
    const cells = join(dir, 'cells.csv');
    writeTable(
      {
        cell: patient.map((_, i) => `c${i}`),
        patient,
        cell_type: cellType,
        hypoxia: Float64Array.from(hypoxia),
      },
      cells,
    );
    const risk = join(dir, 'risk.csv');
    writeTable(
      {
        patient_id: ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'],
        risk_group: ['low', 'low', 'low', 'high', 'high', 'high'],
      },
      risk,
    );
    const out = join(dir, 'by-type.csv');
    expect(await main(['sc', 'compare', '--scores', cells, '--risk', risk, '--out', out])).toBe(0);
    const tests = readTable(out);
    expect((tests.cellType as string[]).sort()).toEqual(['(all cells)', 'T']);
    const coverage = readTable(join(dir, 'by-type-coverage.csv'));
    const mast = (coverage.cellType as string[]).indexOf('Mast');
    expect((coverage.tested as string[])[mast]).toBe('no');
    expect((coverage.reason as string[])[mast]).toMatch(/with >= 3 cells/);
    expect(readTable(join(dir, 'by-type-dots.csv')).signature).toHaveLength(6);
  });
});
