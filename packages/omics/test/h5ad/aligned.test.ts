import { readFileSync } from 'node:fs';
import { isTaceError } from '@tace/core';
import { describe, expect, it } from 'vitest';
import {
  type AnnDataMatrix,
  type DataFrame,
  iterateRows,
  readH5ad,
  readH5adElement,
} from '../../src/h5ad/index.js';
import { fixtureDir } from './expected.js';

// aligned.h5ad and the values python anndata 0.8.0 reads from it: test/fixtures/anndata/make_aligned.py.
const path = `${fixtureDir}aligned.h5ad`;
interface DenseJson {
  shape: [number, number];
  values: number[];
}
const expected = JSON.parse(readFileSync(`${fixtureDir}aligned.expected.json`, 'utf8')) as {
  encodings: Record<string, string>;
  X: DenseJson;
  obsm: Record<string, DenseJson>;
  obsmFrames: Record<string, { index: string[]; score: number[]; group: string[] }>;
  varm: Record<string, DenseJson>;
  obsp: Record<string, DenseJson>;
  varp: Record<string, DenseJson>;
  layers: Record<string, DenseJson>;
};

/** Row-major dense values of any stored matrix. */
function dense(m: AnnDataMatrix): number[] {
  const [rows, cols] = m.shape;
  if (m.format === 'dense') return Array.from(m.data);
  const out = new Array<number>(rows * cols).fill(0);
  for (let major = 0; major + 1 < m.indptr.length; major++)
    for (let k = m.indptr[major]; k < m.indptr[major + 1]; k++) {
      const [r, c] = m.format === 'csr' ? [major, m.indices[k]] : [m.indices[k], major];
      out[r * cols + c] += m.data[k];
    }
  return out;
}

function expectDense(m: AnnDataMatrix, e: DenseJson, what: string, format: string): void {
  expect(m.shape, what).toEqual(e.shape);
  expect(m.format, what).toBe(format);
  expect(dense(m), what).toEqual(e.values);
}

const formatOf = (encoding: string) =>
  encoding === 'csr_matrix' ? 'csr' : encoding === 'csc_matrix' ? 'csc' : 'dense';

describe('readH5ad: obsm, varm, obsp, varp and layers as python anndata writes them', () => {
  it('reads every slot, dense, CSR and CSC, with the values anndata reads', async () => {
    const a = await readH5ad(path);
    const enc = expected.encodings;
    expectDense(a.X!, expected.X, 'X', 'csc');
    for (const [k, e] of Object.entries(expected.layers))
      expectDense(a.layers[k], e, `layers/${k}`, formatOf(enc[`layers/${k}`]));
    for (const [k, e] of Object.entries(expected.obsp))
      expectDense(a.obsp[k], e, `obsp/${k}`, formatOf(enc[`obsp/${k}`]));
    for (const [k, e] of Object.entries(expected.varp))
      expectDense(a.varp[k], e, `varp/${k}`, formatOf(enc[`varp/${k}`]));
    for (const [slot, entries] of [
      ['obsm', expected.obsm],
      ['varm', expected.varm],
    ] as const)
      for (const [k, e] of Object.entries(entries)) {
        const m =
          enc[`${slot}/${k}`] === 'array' ? a[slot][k] : (a.axisElements[`${slot}/${k}`] as AnnDataMatrix);
        expectDense(m, e, `${slot}/${k}`, formatOf(enc[`${slot}/${k}`]));
      }
    expect(Object.keys(a.obsm).sort()).toEqual(['X_pca']);
    expect(Object.keys(a.varm).sort()).toEqual(['PCs']);
    const meta = a.axisElements['obsm/meta'] as DataFrame;
    expect(meta.index).toEqual(expected.obsmFrames.meta.index);
    expect(meta.columnOrder).toEqual(['score', 'group']);
    const score = meta.columns.score;
    expect(score.kind === 'numeric' && Array.from(score.values)).toEqual(expected.obsmFrames.meta.score);
    const group = meta.columns.group;
    expect(group.kind === 'categorical' && Array.from(group.codes, (c) => group.categories[c])).toEqual(
      expected.obsmFrames.meta.group,
    );
    expect(a.skipped).toEqual([]);
  });

  it('subsets dense varm rows by genes and lists what it does not subset', async () => {
    const a = await readH5ad(path, { genes: ['G3', 'G0'] });
    const pcs = expected.varm.PCs;
    expect(Array.from(a.varm.PCs.data)).toEqual([...pcs.values.slice(9, 12), ...pcs.values.slice(0, 3)]);
    expect(a.skipped.sort()).toEqual([
      '/varm/loadings_sparse (not subset by genes)',
      '/varp/correlation (not subset by genes)',
    ]);
  });

  it('reads one element lazily, and names a missing one', async () => {
    expectDense(
      (await readH5adElement(path, 'obsp/connectivities')) as AnnDataMatrix,
      expected.obsp.connectivities,
      'lazy',
      'csc',
    );
    expectDense(
      (await readH5adElement(path, '/layers/dense')) as AnnDataMatrix,
      expected.layers.dense,
      'lazy',
      'dense',
    );
    const e = await readH5adElement(path, 'obsp/nope').catch((x: unknown) => x);
    expect(isTaceError(e, 'COLUMN_NOT_FOUND')).toBe(true);
    const u = await readH5adElement(path, 'obs/_index').catch((x: unknown) => x);
    expect(isTaceError(u, 'UNSUPPORTED')).toBe(true);
  });

  it('iterates the CSC X and CSC layer by rows', async () => {
    for (const [matrix, e] of [
      ['X', expected.X],
      ['layers/counts_csc', expected.layers.counts_csc],
    ] as const) {
      const out: number[] = [];
      for await (const chunk of iterateRows(path, { matrix, chunkSize: 7, maxElements: 20 }))
        out.push(...dense(chunk.X));
      expect(out, matrix).toEqual(e.values);
    }
  });
});
