import { createRequire } from 'node:module';
import { importOptional, isTaceError, requireOptional } from '@tace/core';
import { describe, expect, it } from 'vitest';

describe('optional peer dependencies', () => {
  it('requireOptional of an absent package is MISSING_DEPENDENCY naming it and the install command', () => {
    try {
      requireOptional(
        () => createRequire(import.meta.url)('tace-no-such-package'),
        'tace-no-such-package',
        'this feature',
      );
      expect.fail('expected a TaceError');
    } catch (error) {
      expect(isTaceError(error, 'MISSING_DEPENDENCY')).toBe(true);
      expect((error as Error).message).toContain('tace-no-such-package');
      expect((error as Error).message).toContain('npm install tace-no-such-package');
    }
  });
  it('importOptional of an absent package is MISSING_DEPENDENCY', async () => {
    await expect(
      importOptional(() => import('tace-no-such-package' as string), 'tace-no-such-package', 'this feature'),
    ).rejects.toMatchObject({
      code: 'MISSING_DEPENDENCY',
      param: 'tace-no-such-package',
    });
  });
  it('an installed package loads (parquet-wasm, a devDependency here)', () => {
    expect(
      typeof requireOptional<{ readParquet: unknown }>(
        () => createRequire(import.meta.url)('parquet-wasm'),
        'parquet-wasm',
        'Parquet',
      ).readParquet,
    ).toBe('function');
  });
});
