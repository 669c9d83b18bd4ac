// parallelMap works whatever runs the caller: a file, `node -e`, `node --input-type=module -`, the REPL and tsx
// (workers used to inherit `--input-type` / `-e` and die with "--input-type can only be used with string input").
// Runs the built package (dist/, made by `pnpm build`, which CI runs before the tests) in child processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/parallel/exec-argv.js';

const dist = new URL('../../dist/index.js', import.meta.url);
const tasks = new URL('./plain-tasks.mjs', import.meta.url);
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const program = `import(${JSON.stringify(dist.href)}).then(async ({ parallelMap }) => {
  const squares = await parallelMap([1, 2, 3, 4], { module: ${JSON.stringify(tasks.href)}, exportName: 'square', threads: 2 });
  console.log('squares=' + JSON.stringify(squares));
});`;

function run(command: string, args: string[], input?: string): string {
  const child = spawnSync(command, args, { input, encoding: 'utf8', timeout: 120_000 });
  return `${child.stdout}\n${child.stderr}`;
}

/** The REPL exits at the end of its input: keep stdin open until the answer is printed (or 120 s pass). */
function runRepl(input: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-i'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const finish = () => {
      clearTimeout(timer);
      child.stdin.end();
      child.kill();
      resolve(output);
    };
    const timer = setTimeout(finish, 120_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('squares=')) finish();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.stdin.write(input);
  });
}

describe.skipIf(!existsSync(dist))(
  `parallelMap in every calling context${existsSync(dist) ? '' : ' (skipped: run `pnpm build` first, dist/ is absent)'}`,
  () => {
    it('node -e', () => {
      expect(run(process.execPath, ['-e', program])).toContain('squares=[1,4,9,16]');
    });
    it('node --input-type=module - (code on stdin), also with the flag and its value as two tokens', () => {
      expect(run(process.execPath, ['--input-type=module', '-'], program)).toContain('squares=[1,4,9,16]');
      expect(run(process.execPath, ['--input-type', 'module', '-'], program)).toContain('squares=[1,4,9,16]');
    });
    it('node -p', () => {
      expect(run(process.execPath, ['-p', `${program}; 'started'`])).toContain('squares=[1,4,9,16]');
    });
    it('the REPL (node -i, code typed on stdin)', async () => {
      expect(await runRepl(`${program}\n`)).toContain('squares=[1,4,9,16]');
    });
    it.skipIf(!existsSync(tsx))('tsx -e', () => {
      expect(run(tsx, ['-e', program])).toContain('squares=[1,4,9,16]');
    });
  },
);

describe('workerExecArgv', () => {
  it('drops entry-only flags with their values and keeps loader flags', () => {
    expect(
      workerExecArgv(['--input-type', 'module', '--conditions=dev', '-e', 'code', '--import', 'tsx', '-i']),
    ).toEqual(['--conditions=dev', '--import', 'tsx']);
    expect(
      workerExecArgv(['--input-type=module', '--eval=x', '-p', 'y', '--max-old-space-size=4096']),
    ).toEqual(['--max-old-space-size=4096']);
  });
});
