import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadH5wasm } from '../../src/h5ad/h5wasm.js';
import { readH5ad, writeH5ad } from '../../src/h5ad/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-h5ad-unsupported-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A valid small file, then `edit` adds an element with an encoding this reader does not implement. */
async function fileWith(name: string, edit: (f: import('h5wasm').File) => void): Promise<string> {
  const path = join(dir, name);
  await writeH5ad(path, {
    obs: { index: ['a', 'b'], columnOrder: [], columns: {} },
    var: { index: ['g'], columnOrder: [], columns: {} },
  });
  const h5 = await loadH5wasm();
  const f = new h5.File(path, 'a');
  edit(f);
  f.close();
  return path;
}

describe('readH5ad names unsupported encodings', () => {
  it('an X group of an unknown encoding-type', async () => {
    const path = await fileWith('x.h5ad', (f) => {
      const g = f.create_group('X');
      g.create_attribute('encoding-type', 'awkward-array');
      g.create_attribute('encoding-version', '0.1.0');
    });
    const error = await readH5ad(path).catch((e: unknown) => e);
    expect(isTaceError(error, 'UNSUPPORTED')).toBe(true);
    expect(String(error)).toMatch(/awkward-array/);
  });
  it('an obs column of an unknown encoding-type (nullable-string-array)', async () => {
    const path = await fileWith('col.h5ad', (f) => {
      const g = f.get('obs') as import('h5wasm').Group;
      const c = g.create_group('label');
      c.create_attribute('encoding-type', 'nullable-string-array');
      c.create_attribute('encoding-version', '0.1.0');
      g.delete_attribute('column-order');
      g.create_attribute('column-order', ['label'], [1], 'S');
    });
    const error = await readH5ad(path).catch((e: unknown) => e);
    expect(isTaceError(error, 'UNSUPPORTED')).toBe(true);
    expect(String(error)).toMatch(/nullable-string-array/);
  });
});
