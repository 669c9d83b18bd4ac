import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { iterateRows, readH5ad, type SparseMatrix } from '../../src/h5ad/index.js';
import { toCsr } from '../../src/kernels.js';
import { fixtureDir } from './expected.js';

async function collect(path: string, options: Parameters<typeof iterateRows>[1]): Promise<SparseMatrix> {
  const indptr: number[] = [0];
  const indices: number[] = [];
  const data: number[] = [];
  let nCols = 0;
  for await (const chunk of iterateRows(path, options)) {
    nCols = chunk.X.shape[1];
    for (let r = 0; r < chunk.X.shape[0]; r++) {
      for (let k = chunk.X.indptr[r]; k < chunk.X.indptr[r + 1]; k++) {
        indices.push(chunk.X.indices[k]);
        data.push(chunk.X.data[k]);
      }
      indptr.push(indices.length);
    }
  }
  return {
    format: 'csr',
    shape: [indptr.length - 1, nCols],
    indptr: Float64Array.from(indptr),
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

const plain = (m: SparseMatrix) => ({ ...m, data: Float64Array.from(m.data) });

describe('iterateRows', () => {
  for (const fmt of ['dense', 'csr', 'csr_int64']) {
    it(`chunks of ${fmt} X reassemble to the whole matrix, with and without gene selection`, async () => {
      const path = `${fixtureDir}synthetic_${fmt}.h5ad`;
      const whole = await readH5ad(path, { raw: false });
      expect(await collect(path, { chunkSize: 5 })).toEqual(plain(toCsr(whole.X!)));
      const genes = ['MT-ND1', 'GZMB'];
      const subset = await readH5ad(path, { raw: false, genes });
      expect(await collect(path, { chunkSize: 4, genes })).toEqual(plain(toCsr(subset.X!)));
    });
  }

  it('reads raw and layers', async () => {
    const path = `${fixtureDir}synthetic_dense.h5ad`;
    const whole = await readH5ad(path);
    expect(await collect(path, { chunkSize: 7, matrix: 'layers/counts' })).toEqual(
      plain(toCsr(whole.layers.counts)),
    );
    expect(await collect(path, { chunkSize: 7, matrix: 'raw' })).toEqual(plain(toCsr(whole.raw!.X)));
  });

  it('reads CSC by rows: the same chunks as the CSR copy, in one span or in many (maxElements)', async () => {
    const csc = `${fixtureDir}synthetic_csc.h5ad`;
    const whole = plain(toCsr((await readH5ad(`${fixtureDir}synthetic_csr.h5ad`, { raw: false })).X!));
    expect(await collect(csc, { chunkSize: 5 })).toEqual(whole);
    // maxElements below one chunk's entries: every chunk is its own span (one read of the file each).
    expect(await collect(csc, { chunkSize: 3, maxElements: 1 })).toEqual(whole);
    const genes = ['GZMB', 'MT-ND1'];
    const subset = await readH5ad(`${fixtureDir}synthetic_csr.h5ad`, { raw: false, genes });
    expect(await collect(csc, { chunkSize: 4, genes, maxElements: 10 })).toEqual(plain(toCsr(subset.X!)));
    const part = await collect(csc, { chunkSize: 4, rows: [3, 11] });
    expect(part.shape).toEqual([8, whole.shape[1]]);
    expect(Array.from(part.indptr)).toEqual(
      Array.from(whole.indptr.slice(3, 12), (v) => v - whole.indptr[3]),
    );
  });

  it('refuses unknown matrices with COLUMN_NOT_FOUND and a bad maxElements with INVALID_ARGUMENT', async () => {
    const e1 = await collect(`${fixtureDir}synthetic_csc.h5ad`, { maxElements: 0 }).catch((e: unknown) => e);
    expect(isTaceError(e1, 'INVALID_ARGUMENT')).toBe(true);
    const e2 = await collect(`${fixtureDir}synthetic_csr.h5ad`, { matrix: 'layers/nope' }).catch(
      (e: unknown) => e,
    );
    expect(isTaceError(e2, 'COLUMN_NOT_FOUND')).toBe(true);
  });

  const wu = sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad');
  it.skipIf(wu === null)(
    `wu2020 CSR in chunks of 37 equals readH5ad ${wu === null ? sharedDataSkipMessage('singlecell') : ''}`,
    async () => {
      const whole = await readH5ad(wu!, { uns: false, obsm: false });
      expect(await collect(wu!, { chunkSize: 37 })).toEqual(plain(whole.X as SparseMatrix));
    },
  );
});
