// Issue 19: the CLI's worker-based commands work when the CLI is imported and called from
// `node --input-type=module -` (code on stdin, as REPL-like runners do): `tace radiomics extract --threads 2`
// through main(), from the built package (dist/, made by `pnpm build`, which CI runs before the tests) and
// else from the sources (tsx), compared with the in-process single-thread table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '@tace/cli';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fuzzFolder } from './fuzz-harness.js';
import { writeCohort } from './helpers/cohort-fixture.js';

const folder = fuzzFolder('calling-context');
afterAll(folder.dispose);
const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'packages/cli/dist/index.js');
const source = join(root, 'packages/cli/src/index.ts');

function runOnStdin(entry: string, out: string, manifest: string, nodeArgs: string[]) {
  const program = `import { main } from ${JSON.stringify(pathToFileURL(entry).href)};
const code = await main(['radiomics', 'extract', '--manifest', ${JSON.stringify(manifest)}, '--out', ${JSON.stringify(out)}, '--threads', '2']);
console.log('exit=' + code);`;
  return spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-'], {
    cwd: root,
    input: program,
    encoding: 'utf8',
    timeout: 600_000,
  });
}

describe('tace radiomics extract --threads 2 called from `node --input-type=module -`', () => {
  const { manifest } = writeCohort(join(folder.dir, 'cohort'), 4);
  const reference = join(folder.dir, 'reference.csv');

  it('the in-process reference (1 thread)', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await main(['radiomics', 'extract', '--manifest', manifest, '--out', reference, '--threads', '1']),
    ).toBe(0);
    quiet.mockRestore();
  });

  it.skipIf(!existsSync(dist))(
    `the built package (dist/)${existsSync(dist) ? '' : ' (skipped: run `pnpm build` first, dist/ is absent)'}`,
    () => {
      const out = join(folder.dir, 'dist.csv');
      const child = runOnStdin(dist, out, manifest, []);
      expect(`${child.stdout}\n${child.stderr}`).toContain('exit=0');
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
    },
  );

  // The sources through tsx cost a minute of transpiling in each worker: only when dist/ is absent.
  it.skipIf(existsSync(dist))('the sources through tsx (when dist/ is absent)', () => {
    const out = join(folder.dir, 'source.csv');
    const child = runOnStdin(source, out, manifest, ['--conditions=@tace/source', '--import', 'tsx']);
    expect(`${child.stdout}\n${child.stderr}`).toContain('exit=0');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
  });
});
