import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real one-node Slurm cluster on loopback (Debian slurm-wlm + munge), started by
// scripts/slurm/start-local-cluster.sh: a 4-task array extraction over a synthetic cohort plus a dependent
// merge job must give the same table, byte for byte, as a single-process extraction.
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/dist/bin.js');
const have = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const slurmMissing = ['slurmctld', 'slurmd', 'munged', 'sbatch'].filter((c) => !have(c));
const reason =
  slurmMissing.length > 0
    ? ` (skipped: ${slurmMissing.join(', ')} not installed; apt-get install slurm-wlm munge)`
    : !existsSync(bin)
      ? ' (skipped: build first, pnpm run build)'
      : process.getuid?.() !== 0
        ? ' (skipped: starting munged/slurmd needs root)'
        : '';

describe.skipIf(reason !== '')(`Slurm job array extraction${reason}`, () => {
  let work = '';
  let conf = '';
  const env = () => ({ ...process.env, SLURM_CONF: conf });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tace-slurm-'));
    conf = execFileSync('bash', [join(root, 'scripts/slurm/start-local-cluster.sh'), join(work, 'cluster')], {
      encoding: 'utf8',
      timeout: 300_000,
    }).trim();
    execFileSync(
      'node',
      [bin, 'synth', '--out', join(work, 'cohort'), '--patients', '6,3,3', '--seed', '7'],
      { stdio: 'ignore' },
    );
  });

  afterAll(() => {
    if (work === '') return;
    spawnSync('bash', [join(root, 'scripts/slurm/stop-local-cluster.sh'), join(work, 'cluster')]);
    rmSync(work, { recursive: true, force: true });
  });

  it('4-task array + dependent merge equals the single-process table byte for byte', () => {
    const manifest = join(work, 'cohort/manifest.csv');
    execFileSync(
      'node',
      [
        bin,
        'radiomics',
        'extract',
        '--manifest',
        manifest,
        '--out',
        join(work, 'single.arrow'),
        '--threads',
        '1',
      ],
      {
        stdio: 'ignore',
      },
    );
    const tace = join(work, 'tace.sh');
    writeFileSync(tace, `#!/bin/sh\nexec node ${bin} "$@"\n`, { mode: 0o755 });
    const exports = `ALL,TACE=${tace},MANIFEST=${manifest},OUT=${join(work, 'parts')},MERGED=${join(work, 'merged.arrow')}`;
    const array = execFileSync(
      'sbatch',
      [
        '--parsable',
        '--array=1-4',
        `--export=${exports}`,
        `--output=${join(work, 'array-%a.log')}`,
        join(root, 'examples/slurm/extract-array.sbatch'),
      ],
      { encoding: 'utf8', env: env() },
    ).trim();
    const merge = execFileSync(
      'sbatch',
      [
        '--parsable',
        `--dependency=afterok:${array}`,
        `--export=${exports}`,
        `--output=${join(work, 'merge.log')}`,
        join(root, 'examples/slurm/merge.sbatch'),
      ],
      { encoding: 'utf8', env: env() },
    ).trim();
    const deadline = Date.now() + 540_000;
    for (;;) {
      const queue = execFileSync('squeue', ['-h', '-j', `${array},${merge}`, '-o', '%i %T'], {
        encoding: 'utf8',
        env: env(),
      }).trim();
      if (queue === '') break;
      if (Date.now() > deadline) throw new Error(`Slurm jobs still queued after 540 s:\n${queue}`);
      execFileSync('sleep', ['2']);
    }
    const log = existsSync(join(work, 'merge.log'))
      ? readFileSync(join(work, 'merge.log'), 'utf8')
      : '(no merge log)';
    expect(existsSync(join(work, 'merged.arrow')), log).toBe(true);
    expect(log).toContain('merged 4 parts, 0 missing, 0 failed');
    expect(
      Buffer.compare(readFileSync(join(work, 'merged.arrow')), readFileSync(join(work, 'single.arrow'))),
    ).toBe(0);
  });
});
