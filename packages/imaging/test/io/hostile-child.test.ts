// Hostile inputs of issue 19 (items 9, 10, 12 and 6), each run in a child process with a 256 MB heap
// (`node --max-old-space-size=256`) and a time limit, so that a reader or a setting that failed to stop would
// abort or hang the child, never the test runner. Each must end in a named TaceError quickly, with bounded
// memory; the FIFO and /dev/zero cases also through a cohort manifest, where only that patient may fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNifti, type Image, writeNifti } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./hostile.child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
/** Per case: a quiet run takes about 1 s (most of it tsx start-up); 60 s is far above 5x that. */
const CHILD_TIMEOUT_MS = 60_000;

interface Outcome {
  code: string;
  message: string;
  milliseconds: number;
  maxRssMiB: number;
}

function inChild(name: string, arg: string): Outcome {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '--import', 'tsx', '--conditions=@tace/source', child, name, arg],
    { cwd: root, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) {
    throw new Error(
      `child ended without an answer (status ${run.status}, signal ${run.signal}): ${run.stderr.slice(-600)}`,
    );
  }
  return JSON.parse(line) as Outcome;
}

const grid = {
  size: [8, 8, 4] as [number, number, number],
  spacing: [1, 1, 2] as [number, number, number],
  origin: [0, 0, 0] as [number, number, number],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
};

const fifo = join(dir, 'mask.fifo');
const paths: Record<string, string> = {};
beforeAll(() => {
  execFileSync('mkfifo', [fifo]);
  // a .nii.gz whose header declares 1024 x 1024 x 1024 float32 (4 GiB) in a few hundred bytes
  const header = formatNifti({ ...grid, data: new Float32Array(8 * 8 * 4) });
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  for (const [i, d] of [1024, 1024, 1024].entries()) view.setInt16(42 + 2 * i, d, true);
  paths.huge = join(dir, 'huge.nii.gz');
  writeFileSync(paths.huge, gzipSync(header));
  writeNifti(join(dir, 'ct.nii.gz'), { ...grid, data: new Int16Array(256).map((_, i) => i % 50) });
  writeNifti(join(dir, 'mask.nii.gz'), { ...grid, data: new Uint8Array(256).fill(1) });
  for (const [name, mask] of [
    ['zero', '/dev/zero'],
    ['fifo', fifo],
  ]) {
    paths[name] = join(dir, `manifest-${name}.csv`);
    writeFileSync(
      paths[name]!,
      `patient_id,phase,image,mask,label\ngood,arterial,ct.nii.gz,mask.nii.gz,1\nbad,arterial,ct.nii.gz,${mask},1\n`,
    );
  }
});

/** Every case: a named error (never OTHER), within 30 s of wall time, under 600 MiB resident. */
function expectNamed(outcome: Outcome, code: string, pattern: RegExp): void {
  expect(outcome.code, outcome.message).toBe(code);
  expect(outcome.message).toMatch(pattern);
  expect(outcome.milliseconds).toBeLessThan(30_000);
  expect(outcome.maxRssMiB).toBeLessThan(600);
}

describe('hostile inputs end in a named TaceError in a child with a 256 MB heap (issue 19)', () => {
  it(
    'readImage("/dev/zero") is refused before it is opened (was: grows to 8 GB)',
    () => {
      expectNamed(inChild('read', '/dev/zero'), 'IO_ERROR', /\/dev\/zero is not a regular file/);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'readImage on a FIFO is refused without blocking (was: blocks forever)',
    () => {
      expectNamed(inChild('read', fifo), 'IO_ERROR', /mask\.fifo is not a regular file/);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'a .nii.gz declaring 4 GiB in 300 bytes fails at once (was: 50 s and 3.2 GB)',
    () => {
      const outcome = inChild('read', paths.huge!);
      expectNamed(
        outcome,
        'PARSE_ERROR',
        /declares 4294967648 bytes, but \d+ bytes of gzip data can hold at most/,
      );
      expect(outcome.milliseconds).toBeLessThan(5_000);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'binCount 1e9 (was: 8 GB) and 1e10 (was: a bare RangeError) are named errors stating the size',
    () => {
      expectNamed(
        inChild('binCount', '1e9'),
        'INVALID_ARGUMENT',
        /binCount 1000000000 is more than the limit of 10000 grey levels .*GiB/,
      );
      expectNamed(
        inChild('binCount', '1e10'),
        'INVALID_ARGUMENT',
        /binCount 10000000000 is more than the limit/,
      );
    },
    2 * CHILD_TIMEOUT_MS,
  );

  it(
    'resampledPixelSpacing 1e-6 mm (PyRadiomics and IBSI grids) and 0.01 mm state the voxels they would need',
    () => {
      const need = /would have .* voxels \(.* as float64\), more than the limit of 1\.34e\+8 voxels/;
      expectNamed(inChild('spacing', '1e-6'), 'INVALID_ARGUMENT', need);
      expectNamed(inChild('spacing-ibsi', '1e-6'), 'INVALID_ARGUMENT', need);
      expectNamed(inChild('spacing', '0.01'), 'INVALID_ARGUMENT', need);
    },
    3 * CHILD_TIMEOUT_MS,
  );

  it(
    'an in-memory image whose data are shorter than its size (was: Mean 0)',
    () => {
      expectNamed(
        inChild('short-data', ''),
        'LENGTH_MISMATCH',
        /image\.data has 100 voxels, but its size 40 x 40 x 20 needs 32000/,
      );
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'a manifest whose mask is /dev/zero or a FIFO fails that patient only; the run ends',
    () => {
      for (const name of ['zero', 'fifo']) {
        const outcome = inChild('cohort', paths[name]!);
        expect(outcome.code, outcome.message).toBe('OK');
        expect(outcome.message).toMatch(/^cohort ended: 1 failed: .*is not a regular file/);
        expect(outcome.milliseconds).toBeLessThan(30_000);
        expect(outcome.maxRssMiB).toBeLessThan(600);
      }
    },
    2 * CHILD_TIMEOUT_MS,
  );
});
