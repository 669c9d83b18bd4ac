import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { readH5ad, readH5adObs } from '../../src/h5ad/index.js';
import { expectFrame, expectMatrix, expectUns, fixtureDir, loadExpected } from './expected.js';

// Expected values: python anndata 0.8.0 (Debian python3-anndata, h5py 3.7.0, numpy 1.24.2, scipy 1.10.1)
// reading the same files, written by test/fixtures/anndata/make_fixtures.py.

async function expectSameAsAnndata(path: string, name: string): Promise<void> {
  const expected = loadExpected(name);
  const adata = await readH5ad(path);
  expect(adata.shape).toEqual(expected.shape);
  expectFrame(adata.obs, expected.obs, 'obs');
  expectFrame(adata.var, expected.var, 'var');
  if (expected.X === null) expect(adata.X).toBeNull();
  else expectMatrix(adata.X!, expected.X, 'X');
  expect(Object.keys(adata.layers).sort()).toEqual(Object.keys(expected.layers).sort());
  for (const [k, m] of Object.entries(expected.layers)) expectMatrix(adata.layers[k], m, `layers.${k}`);
  if (expected.raw === null) expect(adata.raw).toBeNull();
  else {
    expectMatrix(adata.raw!.X, expected.raw.X, 'raw.X');
    expectFrame(adata.raw!.var, expected.raw.var, 'raw.var');
  }
  expect(Object.keys(adata.obsm).sort()).toEqual(Object.keys(expected.obsm).sort());
  for (const [k, e] of Object.entries(expected.obsm)) {
    const m = adata.obsm[k];
    expect(m.shape, k).toEqual(e.shape);
    expect(Array.from(m.data.subarray(0, e.shape[1])), k).toEqual(e.row0);
    const sum = m.data.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - e.sum), `obsm.${k} sum`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.sum)));
  }
  expectUns(adata.uns, expected.uns, 'uns');
}

const realFiles = [
  ['pbmc68k_reduced', 'anndata-0.8'],
  ['pbmc68k_reduced_legacy', 'legacy'],
  ['wu2020_tumour_tcells_200', 'anndata-0.7'],
] as const;

for (const [name, encoding] of realFiles) {
  const path = sharedDataPath(`singlecell/${name}.h5ad`);
  describe.skipIf(path === null)(
    `readH5ad(${name}.h5ad) ${path === null ? sharedDataSkipMessage(`singlecell/${name}.h5ad`) : ''}`,
    () => {
      it('equals python anndata 0.8 field for field (obs, var, X, raw, obsm, uns)', async () => {
        await expectSameAsAnndata(path!, name);
      });
      it(`detects the ${encoding} layout`, async () => {
        expect((await readH5ad(path!, { X: false, raw: false })).encoding).toBe(encoding);
      });
    },
  );
}

describe('readH5ad on files written by anndata 0.8 (dense, CSR, CSC, nullable, categorical with -1)', () => {
  for (const name of ['synthetic_dense', 'synthetic_csr', 'synthetic_csc', 'synthetic_csr_int64']) {
    it(`${name}.h5ad equals anndata`, async () => {
      await expectSameAsAnndata(`${fixtureDir}${name}.h5ad`, name);
    });
  }

  it('reads categorical code -1 as missing and nullable masks', async () => {
    const obs = await readH5adObs(`${fixtureDir}synthetic_csr.h5ad`);
    const cellType = obs.columns.cell_type;
    expect(cellType.kind === 'categorical' && cellType.codes[3]).toBe(-1);
    const age = obs.columns.age;
    expect(age.kind).toBe('nullable-integer');
    expect(age.kind === 'nullable-integer' && Array.from(age.mask)).toEqual([
      0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('selects genes before reading, in the requested order, from dense, CSR and CSC alike', async () => {
    const genes = ['PRF1', 'CD8A', 'MT-ND1'];
    const full = await readH5ad(`${fixtureDir}synthetic_dense.h5ad`);
    const dense = (i: number, g: string) =>
      full.X!.format === 'dense' ? full.X!.data[i * 9 + full.var.index.indexOf(g)] : NaN;
    for (const fmt of ['dense', 'csr', 'csc', 'csr_int64']) {
      const a = await readH5ad(`${fixtureDir}synthetic_${fmt}.h5ad`, { genes, raw: false });
      expect(a.shape).toEqual([12, 3]);
      expect(a.var.index).toEqual(genes);
      const m = a.X!;
      for (let i = 0; i < 12; i++)
        for (let j = 0; j < 3; j++) {
          let v = 0;
          if (m.format === 'dense') v = m.data[i * 3 + j];
          else if (m.format === 'csr') {
            for (let k = m.indptr[i]; k < m.indptr[i + 1]; k++) if (m.indices[k] === j) v = m.data[k];
          } else for (let k = m.indptr[j]; k < m.indptr[j + 1]; k++) if (m.indices[k] === i) v = m.data[k];
          expect(v, `${fmt} [${i},${genes[j]}]`).toBe(dense(i, genes[j]));
        }
      if (fmt !== 'csr_int64') expect(a.layers.counts.shape).toEqual([12, 3]);
    }
  });

  it('throws COLUMN_NOT_FOUND naming genes absent from var', async () => {
    await expect(readH5ad(`${fixtureDir}synthetic_csr.h5ad`, { genes: ['CD8A', 'NOPE1'] })).rejects.toThrow(
      /NOPE1/,
    );
  });

  it('refuses the lzf filter with a TaceError UNSUPPORTED that names it', async () => {
    const error = await readH5ad(`${fixtureDir}synthetic_lzf.h5ad`).catch((e: unknown) => e);
    expect(isTaceError(error, 'UNSUPPORTED')).toBe(true);
    expect(String(error)).toMatch(/lzf/);
  });

  it('throws IO_ERROR for a missing file', async () => {
    const error = await readH5ad(`${fixtureDir}does-not-exist.h5ad`).catch((e: unknown) => e);
    expect(isTaceError(error, 'IO_ERROR')).toBe(true);
  });
});
