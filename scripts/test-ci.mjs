#!/usr/bin/env node
// Runs the whole vitest suite once and ends with the plain summary line CI reads:
//   "tests: N passed, N failed, N skipped"
// Exit code: vitest's (non-zero on any failure, or when no test ran).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tace-test-'));
const report = join(dir, 'vitest.json');
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
  console.error('could not read the vitest JSON report: counting the run as failed');
}
rmSync(dir, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
const code = run.status ?? 1;
process.exit(code !== 0 ? code : failed > 0 || passed === 0 ? 1 : 0);
