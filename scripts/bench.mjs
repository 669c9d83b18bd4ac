#!/usr/bin/env node
// Runs every benchmark in bench/*.mjs in turn (plain Node on the packages' dist/: run `pnpm build` first) and
// prints the machine it ran on. Each benchmark compares with its reference tool (R, Python) in the same run
// when that tool is installed, and says so when it is not.
//   pnpm bench                 all benchmarks
//   pnpm bench core-stats      only files whose name contains "core-stats"
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
  .sort();

const cpu = cpus();
console.log('machine');
console.log(`  CPU:     ${cpu[0]?.model ?? 'unknown'} (${cpu.length} logical cores)`);
console.log(`  memory:  ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`  OS:      ${platform()} ${release()} ${arch()}`);
console.log(`  Node:    ${process.version}`);
console.log(`  run at:  ${new Date().toISOString()}`);
console.log(`benchmarks: ${files.join(', ') || '(none found)'}\n`);

let failures = 0;
for (const file of files) {
  console.log(`=== ${file} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'bench', file)], { stdio: 'inherit', cwd: root });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failures++;
    console.log(`--- ${file} FAILED (exit ${run.status ?? run.signal}) after ${seconds} s\n`);
  } else console.log(`--- ${file} done in ${seconds} s\n`);
}
if (failures > 0) {
  console.log(`${failures} benchmark(s) failed`);
  process.exit(1);
}
