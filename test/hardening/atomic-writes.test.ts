import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readTable } from '@tace/core';
import { readNifti } from '@tace/imaging';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzFolder } from './fuzz-harness.js';

const folder = fuzzFolder('atomic');
afterAll(folder.dispose);
const root = resolve(import.meta.dirname, '../..');

/** Starts the write loop, waits for its first complete write, lets it run `ms` more, then SIGKILLs it. */
function killMidWrite(dir: string, ms: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@tace/source',
        '--import',
        'tsx',
        join(import.meta.dirname, 'helpers/write-loop.ts'),
        dir,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done() : fail(new Error(`writer exited: ${signal}`)),
    );
  });
}

describe('outputs are written atomically (temporary file + rename)', () => {
  it('a writer SIGKILLed mid-write never leaves a partial table or volume (3 kills at different moments)', async () => {
    for (const ms of [5, 60, 170]) {
      await killMidWrite(folder.dir, ms);
      const table = readTable(join(folder.dir, 'table.csv'));
      expect(table.id).toHaveLength(100_000);
      expect((table.value as Float64Array)[99_999]).toBeCloseTo(99_999 / 7, 9);
      expect(readNifti(join(folder.dir, 'volume.nii')).data).toHaveLength(96 * 96 * 64);
    }
  });
});
