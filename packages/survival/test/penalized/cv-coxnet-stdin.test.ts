// cvCoxnet on 2 worker threads when the caller's code comes on stdin (`node --input-type=module -`): workers
// used to inherit `--input-type` and die. Runs the built package (dist/, made by `pnpm build`, which CI runs
// before the tests) in a child process, and checks the folds agree with the serial run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/index.js', import.meta.url);
const program = `import { createRng, randomNormal } from '@tace/core';
import { cvCoxnet } from ${JSON.stringify(dist.href)};
const rng = createRng(5);
const n = 120;
const table = { time: [], event: [], a: [], b: [], c: [] };
for (let i = 0; i < n; i++) {
  const a = randomNormal(rng), b = randomNormal(rng), c = randomNormal(rng);
  const death = -Math.log(1 - rng.nextFloat()) / Math.exp(0.8 * a - 0.5 * b);
  const censor = 3 * rng.nextFloat();
  table.time.push(Math.min(death, censor)); table.event.push(death <= censor ? 1 : 0);
  table.a.push(a); table.b.push(b); table.c.push(c);
}
const columns = { time: 'time', event: 'event', features: ['a', 'b', 'c'] };
const threaded = await cvCoxnet(table, columns, { nFolds: 4, random: 1, nLambda: 20, parallel: 2 });
const serial = await cvCoxnet(table, columns, { nFolds: 4, random: 1, nLambda: 20, parallel: false });
console.log('same=' + (JSON.stringify(Array.from(threaded.cvm)) === JSON.stringify(Array.from(serial.cvm))));
console.log('lambdaMin=' + threaded.lambdaMin);
`;

describe.skipIf(!existsSync(dist))(
  `cvCoxnet with workers from stdin code${existsSync(dist) ? '' : ' (skipped: run `pnpm build` first, dist/ is absent)'}`,
  () => {
    it('node --input-type=module - runs 2 worker threads and matches the serial folds', () => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-'], {
        input: program,
        encoding: 'utf8',
        timeout: 180_000,
        cwd: new URL('../..', import.meta.url),
      });
      const output = `${child.stdout}\n${child.stderr}`;
      expect(output).toContain('same=true');
      expect(output).toMatch(/lambdaMin=\d/);
      expect(child.status).toBe(0);
    });
  },
);
