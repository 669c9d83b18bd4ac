// Issue 19, "messages that point the wrong way": each hostile input is fed through main() (and one through the
// bin in a child process) and the exit code and message are asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeTable } from '@tace/core';
import { writeH5ad } from '@tace/omics';
import { afterAll, afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { EXIT } from '../../src/commands/command.js';
import { main } from '../../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tace-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const clinical = join(dir, 'clinical.csv');
writeTable(
  { id: ['a', 'b'], bilirubin: Float64Array.of(12, 20), albumin: Float64Array.of(40, 35) },
  clinical,
);

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => stderr.mockRestore());
const printed = () => stderr.mock.calls.map((c) => c.map(String).join(' ')).join('\n');

describe('an --out that cannot be written: exit 74 and a message naming the path, no stack', () => {
  it('--out under a file (folder output: synth; file output: scores clinical)', async () => {
    expect(await main(['synth', '--out', join(aFile, 'cohort'), '--patients', '2,1,1'])).toBe(EXIT.io);
    expect(printed()).toContain(`cannot write --out ${join(aFile, 'cohort')}`);
    expect(printed()).toContain('ENOTDIR');
    expect(printed()).not.toMatch(/internal error|\n\s+at /);
    stderr.mockClear();
    const out = join(aFile, 'scores.csv');
    expect(await main(['scores', 'clinical', '--input', clinical, '--out', out, '--scores', 'albi'])).toBe(
      EXIT.io,
    );
    expect(printed()).toContain(`cannot write --out ${out}`);
  });

  it.skipIf(!existsSync('/sys/kernel'))('--out under /sys', async () => {
    const out = '/sys/kernel/tace-scores.csv';
    expect(await main(['scores', 'clinical', '--input', clinical, '--out', out, '--scores', 'albi'])).toBe(
      EXIT.io,
    );
    expect(printed()).toContain(`cannot write --out ${out}`);
    expect(printed()).not.toMatch(/internal error|\n\s+at /);
  });

  it('--out that is a folder where a file is expected', async () => {
    expect(await main(['scores', 'clinical', '--input', clinical, '--out', dir, '--scores', 'albi'])).toBe(
      EXIT.io,
    );
    expect(printed()).toContain('it is a folder');
  });

  it('the built bin in a child process: exit 74, one line on stderr, no stack trace', () => {
    const root = resolve(import.meta.dirname, '../../../..');
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@tace/source',
        '--import',
        'tsx',
        join(root, 'packages/cli/src/bin.ts'),
        'synth',
        '--out',
        join(aFile, 'x'),
      ],
      { cwd: root, encoding: 'utf8', timeout: 600_000 },
    );
    expect(child.status).toBe(EXIT.io);
    expect(child.stderr).toContain(`tace synth: [--out] cannot write --out ${join(aFile, 'x')}`);
    expect(child.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(child.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--threads -3', () => {
  it('is reported as "must be a positive integer" (usage, exit 2), not "argument is ambiguous"', async () => {
    for (const command of [
      ['demo', '--out', join(dir, 'demo'), '--threads', '-3'],
      ['radiomics', 'extract', '--manifest', 'm.csv', '--out', join(dir, 'f.csv'), '--threads', '-3'],
      ['omics', 'score', '--expression', 'e.csv', '--out', join(dir, 'o.csv'), '--threads', '-3'],
    ]) {
      stderr.mockClear();
      expect(await main(command)).toBe(EXIT.usage);
      expect(printed()).toContain("--threads must be a positive integer, but was '-3'");
      expect(printed()).not.toContain('ambiguous');
    }
    stderr.mockClear();
    expect(await main(['sc', 'score', '--h5ad', 'x.h5ad', '--out', 'x.csv', '--chunk-size', '-1'])).toBe(
      EXIT.usage,
    );
    expect(printed()).toContain('--chunk-size must be a positive integer');
  });
});

describe('every output is checked before the work starts', () => {
  it('sc score: an unwritable --compare-out fails at once, before any cell is scored or --out written', async () => {
    const h5ad = join(dir, 'cells.h5ad');
    await writeH5ad(h5ad, {
      obs: {
        index: ['c1', 'c2', 'c3'],
        columnOrder: ['patient', 'cell_type'],
        columns: {
          patient: { kind: 'string', values: ['p1', 'p1', 'p2'] },
          cell_type: { kind: 'string', values: ['T', 'T', 'B'] },
        },
      },
      var: { index: ['VEGFA', 'CA9', 'ENO1'], columnOrder: [], columns: {} },
      X: {
        format: 'csr',
        shape: [3, 3],
        indptr: Float64Array.of(0, 2, 3, 5),
        indices: Int32Array.of(0, 1, 2, 0, 2),
        data: Float32Array.of(1, 2, 3, 4, 5),
      },
    });
    const risk = join(dir, 'risk.csv');
    writeTable({ patient_id: ['p1', 'p2'], risk_group: ['low', 'high'] }, risk);
    const out = join(dir, 'cells.csv');
    const compareOut = join(aFile, 'by-risk.csv');
    const code = await main([
      'sc',
      'score',
      '--h5ad',
      h5ad,
      '--out',
      out,
      '--risk',
      risk,
      '--compare-out',
      compareOut,
    ]);
    expect(code).toBe(EXIT.io);
    expect(printed()).toContain(`cannot write --compare-out ${compareOut}`);
    expect(existsSync(out)).toBe(false);
    // and --out itself, even when the .h5ad does not exist: the outputs are checked first
    stderr.mockClear();
    expect(await main(['sc', 'score', '--h5ad', join(dir, 'none.h5ad'), '--out', join(aFile, 'c.csv')])).toBe(
      EXIT.io,
    );
  });

  it('each command with an output checks it before reading its inputs', async () => {
    const bad = (name: string) => join(aFile, name);
    const commands: string[][] = [
      ['radiomics', 'extract', '--manifest', join(dir, 'none.csv'), '--out', bad('f.csv')],
      ['radiomics', 'extract', '--manifest', join(dir, 'none.csv'), '--out', bad('parts'), '--shard', '1/2'],
      ['dl', 'embed', '--manifest', join(dir, 'none.csv'), '--out', bad('deep.csv')],
      ['dl', 'crops', '--manifest', join(dir, 'none.csv'), '--out', bad('crops')],
      ['merge', '--out', bad('merged.csv'), join(dir, 'none')],
      ['omics', 'score', '--expression', join(dir, 'none.csv'), '--out', bad('s.csv')],
      ['scores', 'clinical', '--input', join(dir, 'none.csv'), '--out', bad('s.csv')],
      [
        'omics',
        'tme',
        '--expression',
        join(dir, 'none.csv'),
        '--groups',
        join(dir, 'g.csv'),
        '--out',
        bad('t.csv'),
      ],
      [
        'sc',
        'compare',
        '--scores',
        join(dir, 'none.csv'),
        '--risk',
        join(dir, 'r.csv'),
        '--out',
        bad('c.csv'),
      ],
      ['synth', '--out', bad('cohort')],
      ['demo', '--out', bad('demo')],
      [
        'model',
        'fit',
        '--data',
        join(dir, 'none.csv'),
        '--time',
        't',
        '--event',
        'e',
        '--radiomics',
        'r_',
      ].concat(['--out', bad('m')]),
      ['model', 'validate', '--bundle', dir, '--data', join(dir, 'none.csv'), '--out', bad('v')],
      [
        'report',
        '--bundle',
        dir,
        '--validation',
        dir,
        '--data',
        join(dir, 'none.csv'),
        '--out',
        bad('r.html'),
      ],
    ];
    for (const command of commands) {
      stderr.mockClear();
      expect(await main(command), command.join(' ')).toBe(EXIT.io);
      expect(printed(), command.join(' ')).toContain('cannot write --out');
    }
  });
});
