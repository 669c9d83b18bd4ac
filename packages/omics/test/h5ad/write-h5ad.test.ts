import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readH5ad, writeH5ad } from '../../src/h5ad/index.js';
import { fixtureDir } from './expected.js';
import { writtenContent } from './written-content.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-h5ad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeH5ad', () => {
  it('round-trips obs, var and CSR X through readH5ad', async () => {
    const content = writtenContent();
    const path = join(dir, 'scores.h5ad');
    await writeH5ad(path, content);
    const back = await readH5ad(path);
    expect(back.obs.index).toEqual(content.obs.index);
    expect(back.obs.columnOrder).toEqual(content.obs.columnOrder);
    const hyp = back.obs.columns.hypoxia;
    expect(hyp.kind === 'numeric' && Array.from(hyp.values)).toEqual([0.5, -0.25, Number.NaN, 1e-3, 2]);
    expect(back.obs.columns.cell_type).toEqual(content.obs.columns.cell_type);
    expect(back.obs.columns.patient).toEqual(content.obs.columns.patient);
    expect(back.var.index).toEqual(content.var.index);
    expect(back.X).toEqual(content.X);
  });

  it('python anndata 0.8 reads the same content back (committed file + check_written.py log)', async () => {
    // fixtures/anndata/written_by_tace.h5ad was written by writeH5ad(writtenContent()); check_written.py read it
    // with anndata 0.8.0 and asserted every value ("ALL CHECKS PASSED" in check_written.log).
    const committed = await readH5ad(`${fixtureDir}written_by_tace.h5ad`);
    const content = writtenContent();
    expect(committed.obs.columns.cell_type).toEqual(content.obs.columns.cell_type);
    expect(committed.X).toEqual(content.X);
  });

  it('writes dense and CSC X and ordered categoricals', async () => {
    const content = writtenContent();
    content.obs.columns.cell_type = {
      kind: 'categorical',
      codes: Int32Array.of(1, 0, 1, 0, 1),
      categories: ['low', 'high'],
      ordered: true,
    };
    for (const X of [
      {
        format: 'dense' as const,
        shape: [5, 3] as [number, number],
        data: Float64Array.from({ length: 15 }, (_, k) => k / 3),
      },
      {
        format: 'csc' as const,
        shape: [5, 3] as [number, number],
        indptr: Float64Array.of(0, 2, 3, 3),
        indices: Int32Array.of(0, 4, 2),
        data: Float32Array.of(1, 2, 3),
      },
    ]) {
      const path = join(dir, `x-${X.format}.h5ad`);
      await writeH5ad(path, { ...content, X });
      const back = await readH5ad(path);
      expect(back.X).toEqual(X);
      expect(back.obs.columns.cell_type).toEqual(content.obs.columns.cell_type);
    }
  });

  it('refuses nullable columns and mismatched shapes with TaceErrors', async () => {
    const content = writtenContent();
    content.obs.columns.age = {
      kind: 'nullable-integer',
      values: new Float64Array(5),
      mask: new Uint8Array(5),
    };
    content.obs.columnOrder.push('age');
    const e1 = await writeH5ad(join(dir, 'bad.h5ad'), content).catch((e: unknown) => e);
    expect(isTaceError(e1, 'UNSUPPORTED')).toBe(true);
    const e2 = await writeH5ad(join(dir, 'bad2.h5ad'), {
      ...writtenContent(),
      X: { format: 'dense', shape: [2, 2], data: new Float64Array(4) },
    }).catch((e: unknown) => e);
    expect(isTaceError(e2, 'LENGTH_MISMATCH')).toBe(true);
  });
});
