import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '@tace/core';
import { readH5ad, writeH5ad } from '@tace/omics';
import { syntheticClinicalCohort, syntheticSingleCell } from '@tace/synthetic';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-sc-annotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tace sc annotate', async () => {
  const patients = syntheticClinicalCohort({ seed: 5 }).slice(0, 4);
  const sc = syntheticSingleCell(patients, ['VEGFA', 'CA9'], { seed: 3, cellsPerPatient: 80 });
  const input = join(dir, 'cells.h5ad');
  await writeH5ad(input, {
    obs: { index: sc.cells, columnOrder: [], columns: {} },
    var: { index: sc.genes, columnOrder: [], columns: {} },
    X: {
      format: 'csr',
      shape: [sc.cells.length, sc.genes.length],
      indptr: Float64Array.from(sc.indptr),
      indices: sc.indices,
      data: sc.data,
    },
  });

  it('writes the annotated .h5ad and the cluster table', async () => {
    const out = join(dir, 'out.h5ad');
    const clusters = join(dir, 'clusters.csv');
    const code = await main([
      'sc',
      'annotate',
      '--h5ad',
      input,
      '--out',
      out,
      '--clusters-out',
      clusters,
      '--n-features',
      '50',
      '--umap-epochs',
      '20',
    ]);
    expect(code).toBe(0);
    const back = await readH5ad(out, { obsm: true });
    expect(back.obs.columnOrder).toEqual(['cluster', 'cell_type', 'cell_type_score']);
    expect(Object.keys(back.obsm).sort()).toEqual(['X_pca', 'X_umap']);
    const table = readTable(clusters);
    expect(Object.keys(table)).toEqual(['cluster', 'n_cells', 'cell_type', 'score', 'margin', 'reason']);
    expect(table.cluster.length).toBeGreaterThanOrEqual(4);
  });

  it('a custom GMT marker table; --no-umap leaves X_umap out', async () => {
    const gmt = join(dir, 'markers.gmt');
    writeFileSync(gmt, 'T cell\t-\tCD3D\tCD3E\nCD8 T\tT cell\tCD8A\tCD8B\nTumour\t-\tALB\tGPC3\n');
    const out = join(dir, 'out2.h5ad');
    expect(
      await main([
        'sc',
        'annotate',
        '--h5ad',
        input,
        '--out',
        out,
        '--markers',
        gmt,
        '--n-features',
        '50',
        '--no-umap',
      ]),
    ).toBe(0);
    const back = await readH5ad(out, { obsm: true });
    expect(Object.keys(back.obsm)).toEqual(['X_pca']);
    const types = back.obs.columns.cell_type;
    expect(
      types.kind === 'categorical' &&
        types.categories.every((c) => ['T cell', 'CD8 T', 'Tumour', 'unassigned'].includes(String(c))),
    ).toBe(true);
  });

  it('usage and input errors: missing --out (2), log-normalized X without counts (3)', async () => {
    expect(await main(['sc', 'annotate', '--h5ad', input])).toBe(2);
    const logged = join(dir, 'logged.h5ad');
    await writeH5ad(logged, {
      obs: { index: ['a', 'b'], columnOrder: [], columns: {} },
      var: { index: ['G1', 'G2'], columnOrder: [], columns: {} },
      X: { format: 'dense', shape: [2, 2], data: Float64Array.of(0.5, 1.25, 2.5, 0) },
    });
    expect(await main(['sc', 'annotate', '--h5ad', logged, '--out', join(dir, 'x.h5ad')])).toBe(3);
    expect(existsSync(join(dir, 'x.h5ad'))).toBe(false);
  });
});
