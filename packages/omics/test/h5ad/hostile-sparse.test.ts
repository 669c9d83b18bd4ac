import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadH5wasm } from '../../src/h5ad/h5wasm.js';
import { iterateRows, readH5ad, writeH5ad } from '../../src/h5ad/index.js';
import { scoreH5ad } from '../../src/singlecell/index.js';

// Issue 19 item 3: corrupt CSR/CSC matrices are refused with an error naming the file, the matrix, the row
// (column) and the offending value, by every reader (whole, gene subset, streamed, scoring).
const dir = mkdtempSync(join(tmpdir(), 'tace-h5ad-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Sparse {
  format?: 'csr' | 'csc';
  shape?: number[];
  indptr: number[];
  indices: number[];
  data?: number[];
  /** Store under layers/<name> instead of X (X is then a valid matrix). */
  layer?: string;
}

const GOOD: Sparse = { indptr: [0, 2, 3, 5], indices: [0, 2, 1, 0, 3], data: [1, 2, 3, 4, 5] };

async function writeSparse(name: string, m: Sparse): Promise<string> {
  const path = join(dir, name);
  await writeH5ad(path, {
    obs: { index: ['c0', 'c1', 'c2'], columnOrder: [], columns: {} },
    var: { index: ['g0', 'g1', 'g2', 'g3'], columnOrder: [], columns: {} },
  });
  const h5 = await loadH5wasm();
  const f = new h5.File(path, 'a');
  const put = (g: import('h5wasm').Group, s: Sparse) => {
    g.create_attribute('encoding-type', `${s.format ?? 'csr'}_matrix`);
    g.create_attribute('encoding-version', '0.1.0');
    g.create_attribute('shape', BigInt64Array.from((s.shape ?? [3, 4]).map(BigInt)), [2]);
    g.create_dataset({ name: 'indptr', data: Int32Array.from(s.indptr) });
    g.create_dataset({ name: 'indices', data: Int32Array.from(s.indices) });
    g.create_dataset({
      name: 'data',
      data: Float32Array.from(s.data ?? s.indices.map((_, k) => k + 1)),
    });
  };
  if (m.layer === undefined) put(f.create_group('X'), m);
  else {
    put(f.create_group('X'), GOOD);
    const layers = f.get('layers') as import('h5wasm').Group | null;
    const g = (layers ?? f.create_group('layers')).create_group(m.layer);
    put(g, m);
  }
  f.close();
  return path;
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => new Error('no error'),
    (e: unknown) => e,
  );
}

async function drain(path: string, options: Parameters<typeof iterateRows>[1] = {}): Promise<void> {
  for await (const _ of iterateRows(path, options));
}

const cases: { name: string; m: Sparse; message: RegExp }[] = [
  {
    name: 'a column index past the shape',
    m: { ...GOOD, indices: [0, 2, 1, 0, 7] },
    message: /matrix X: row 2 has column index 7, outside 0\.\.3/,
  },
  {
    name: 'a negative column index',
    m: { ...GOOD, indices: [0, -1, 1, 0, 3] },
    message: /matrix X: row 0 has column index -1, outside 0\.\.3/,
  },
  {
    name: 'indptr not monotone',
    m: { ...GOOD, indptr: [0, 4, 3, 5] },
    message: /matrix X: indptr decreases at row 1: indptr\[2\] = 3 < indptr\[1\] = 4/,
  },
  {
    name: 'indptr not starting at 0',
    m: { ...GOOD, indptr: [1, 2, 3, 5] },
    message: /matrix X: indptr\[0\] is 1, expected 0/,
  },
  {
    name: 'indptr past the end of data',
    m: { ...GOOD, indptr: [0, 2, 3, 9] },
    message: /matrix X: indptr ends at 9, past the 5 stored non-zeros \(row 2\)/,
  },
  {
    name: 'a shape smaller than the indices',
    m: { ...GOOD, shape: [3, 3] },
    message: /matrix X: row 2 has column index 3, outside 0\.\.2/,
  },
  {
    name: 'indices and data of different lengths',
    m: { ...GOOD, data: [1, 2, 3, 4] },
    message: /matrix X: indices has 5 entries but data has 4/,
  },
  {
    name: 'a CSC row index past the shape',
    m: { format: 'csc', indptr: [0, 2, 3, 4, 5], indices: [0, 2, 1, 5, 0] },
    message: /CSC matrix X: column 2 has row index 5, outside 0\.\.2/,
  },
  {
    name: 'a bad index in a layer',
    m: { ...GOOD, indices: [0, 2, 1, 0, 4], layer: 'counts' },
    message: /matrix layer 'counts': row 2 has column index 4/,
  },
];

describe('hostile sparse matrices are refused (issue 19 item 3)', () => {
  for (const { name, m, message } of cases) {
    it(name, async () => {
      const path = await writeSparse(`${name.replace(/\W+/g, '_')}.h5ad`, m);
      const error = await errorOf(() => readH5ad(path));
      expect(isTaceError(error, 'PARSE_ERROR'), String(error)).toBe(true);
      expect(String((error as Error).message)).toContain(path);
      expect((error as Error).message).toMatch(message);
      if (m.layer === undefined && (m.format ?? 'csr') === 'csr') {
        // gene-subset read, streamed read and scoring refuse it too
        const subset = await errorOf(() => readH5ad(path, { genes: ['g0', 'g3'] }));
        expect((subset as Error).message).toMatch(message);
        const streamed = await errorOf(() => drain(path, { chunkSize: 1 }));
        expect((streamed as Error).message).toMatch(message);
        const scored = await errorOf(() => scoreH5ad(path, { s: ['g0', 'g1'] }, { normalize: true }));
        expect((scored as Error).message).toMatch(message);
      }
    });
  }

  it('a valid file still reads', async () => {
    const path = await writeSparse('good.h5ad', GOOD);
    const a = await readH5ad(path);
    expect(Array.from((a.X as { indices: Int32Array }).indices)).toEqual(GOOD.indices);
  });
});
