import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Locates the project's reference-data folder `../shared/data/` (relative to the repository root),
 * or `TACE_SHARED_DATA` when set. Returns `null` when absent.
 */
export function sharedDataDir(start: string = process.cwd()): string | null {
  const fromEnv = process.env.TACE_SHARED_DATA;
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? resolve(fromEnv) : null;
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      const candidate = resolve(dir, '..', 'shared', 'data');
      return existsSync(candidate) ? candidate : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Path of a file under the shared reference data, or `null` when the folder (or file) is absent.
 * Tests use it with `describe.skipIf(path === null)` and say why they skip.
 * @example const lung = sharedDataPath('survival/lung.csv');
 */
export function sharedDataPath(relative: string): string | null {
  const dir = sharedDataDir();
  if (dir === null) return null;
  const path = join(dir, relative);
  return existsSync(path) ? path : null;
}

/** The message tests print when they skip for lack of shared data. */
export function sharedDataSkipMessage(relative: string): string {
  return `skipped: ../shared/data/${relative} is absent (reference data is not part of a fresh clone; CI has it)`;
}
