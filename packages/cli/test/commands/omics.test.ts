import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal, readTable, writeTable } from '@tace/core';
import { bundledSignatures, writeH5ad } from '@tace/omics';
import { syntheticSingleCell } from '@tace/synthetic';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-omics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 24 samples, bundled-signature genes + 60 background genes; hypoxia genes up by 1.5 in 'high' samples. */
function writeExpression(): { expression: string; groups: string } {
  const rng = createRng(3);
  const hypoxia = new Set(bundledSignatures().HALLMARK_HYPOXIA);
  const genes = [
    ...new Set([
      ...Object.values(bundledSignatures()).flat(),
      ...Array.from({ length: 60 }, (_, i) => `BG${i}`),
    ]),
  ];
  const samples = Array.from({ length: 24 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
  const high = samples.map((_, i) => i % 2 === 1);
  const lines = [['gene', ...samples].join(',')];
  for (const gene of genes) {
    const base = 6 + 2 * randomNormal(rng);
    const row = samples.map((_, s) =>
      (base + randomNormal(rng, 0, 0.5) + (hypoxia.has(gene) && high[s] ? 1.5 : 0)).toFixed(4),
    );
    lines.push([gene, ...row].join(','));
  }
  const expression = join(dir, 'expression.csv');
  writeFileSync(expression, `${lines.join('\n')}\n`);
  const groups = join(dir, 'groups.csv');
  writeTable({ sample_id: samples, risk_group: high.map((h) => (h ? 'high' : 'low')) }, groups);
  return { expression, groups };
}

describe('tace omics score', () => {
  it('scores bundled sets per sample and compares high vs low', async () => {
    const { expression, groups } = writeExpression();
    const out = join(dir, 'scores.csv');
    const code = await main([
      'omics',
      'score',
      '--expression',
      expression,
      '--gmt',
      'bundled',
      '--method',
      'zscore',
      '--threads',
      '1',
      '--out',
      out,
      '--groups',
      groups,
      '--group-column',
      'risk_group',
    ]);
    expect(code).toBe(0);
    const scores = readTable(out);
    expect(Object.keys(scores)[0]).toBe('sample');
    expect(scores.sample).toHaveLength(24);
    expect(Object.keys(scores)).toContain('HALLMARK_HYPOXIA');
    const comparison = readTable(join(dir, 'scores-comparison.csv'));
    const row = (comparison.set as string[]).indexOf('HALLMARK_HYPOXIA');
    expect((comparison.medianDifference as Float64Array)[row]).toBeGreaterThan(0);
    expect((comparison.adjustedPValue as Float64Array)[row]).toBeLessThan(0.01);
    expect(await main(['omics', 'score', '--expression', expression, '--out', out, '--method', 'gsea'])).toBe(
      2,
    );
    expect(await main(['omics', 'score', '--expression', join(dir, 'none.csv'), '--out', out])).toBe(3);
  });
});

describe('tace sc score', () => {
  it('writes per-cell scores and compares risk groups per cell type with patients as the unit', async () => {
    const sets = bundledSignatures();
    const patients = Array.from({ length: 8 }, (_, i) => ({
      id: `P${i + 1}`,
      aggressiveness: i < 4 ? -1 : 1,
    }));
    const sc = syntheticSingleCell(patients, sets.HALLMARK_HYPOXIA, {
      seed: 5,
      cellsPerPatient: 60,
      background: 100,
    });
    const h5ad = join(dir, 'cells.h5ad');
    await writeH5ad(h5ad, {
      obs: {
        index: sc.cells,
        columnOrder: ['patient', 'cell_type'],
        columns: {
          patient: { kind: 'string', values: sc.patient },
          cell_type: { kind: 'string', values: sc.cellType },
        },
      },
      var: { index: sc.genes, columnOrder: [], columns: {} },
      X: {
        format: 'csr',
        shape: [sc.cells.length, sc.genes.length],
        indptr: Float64Array.from(sc.indptr),
        indices: sc.indices,
        data: sc.data,
      },
    });
    const risk = join(dir, 'risk.csv');
    writeTable(
      {
        patient_id: patients.map((p) => p.id),
        risk_group: patients.map((p) => (p.aggressiveness > 0 ? 'high' : 'low')),
      },
      risk,
    );
    const out = join(dir, 'cells.csv');
    const code = await main([
      'sc',
      'score',
      '--h5ad',
      h5ad,
      '--out',
      out,
      '--normalize',
      '--method',
      'ucell',
      '--chunk-size',
      '100',
      '--risk',
      risk,
      '--min-cells',
      '3',
    ]);
    expect(code).toBe(0);
    const cells = readTable(out);
    expect(Object.keys(cells).slice(0, 3)).toEqual(['cell', 'patient', 'cell_type']);
    expect(cells.cell).toHaveLength(sc.cells.length);
    const byRisk = readTable(join(dir, 'cells-by-risk.csv'));
    const signature = byRisk.signature as string[];
    const cellType = byRisk.cellType as string[];
    const row = signature.findIndex((s, i) => s === 'HALLMARK_HYPOXIA' && cellType[i] === '(all cells)');
    expect(row).toBeGreaterThanOrEqual(0);
    expect((byRisk.difference as Float64Array)[row]).toBeGreaterThan(0);
    expect(await main(['sc', 'score', '--h5ad', h5ad, '--out', out, '--method', 'seurat'])).toBe(2);
    expect(
      await main(['sc', 'score', '--h5ad', h5ad, '--out', out, '--risk', risk, '--patient-column', 'donor']),
    ).toBe(3);
  });
});
