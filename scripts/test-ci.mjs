#!/usr/bin/env node
// Runs the whole vitest suite once and ends with the plain summary line CI reads:
//   "tests: N passed, N failed, N skipped"
// before which it prints the wall time of the run and the slowest test files and tests (from vitest's JSON
// report), so that timeouts can be checked against measured times (no timeout tighter than 5x a test's quiet
// time: vitest.config.ts). TACE_TEST_REPORT=<path> keeps the JSON report.
// Exit code: vitest's (non-zero on any failure, or when no test ran).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tace-test-'));
const report = join(dir, 'vitest.json');
const started = Date.now();
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
  const files = json.testResults.map((f) => ({
    name: f.name.replace(`${process.cwd()}/`, ''),
    seconds: (f.endTime - f.startTime) / 1000,
  }));
  const tests = json.testResults.flatMap((f) =>
    f.assertionResults.map((t) => ({
      name: `${f.name.replace(`${process.cwd()}/`, '')} > ${t.title}`,
      seconds: (t.duration ?? 0) / 1000,
    })),
  );
  const top = (rows) =>
    rows
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 10)
      .map((r) => `  ${r.seconds.toFixed(1).padStart(7)} s  ${r.name}`)
      .join('\n');
  console.log(`\nslowest test files:\n${top(files)}\nslowest tests:\n${top(tests)}`);
  if (process.env.TACE_TEST_REPORT) copyFileSync(report, process.env.TACE_TEST_REPORT);
} catch {
  failed = Math.max(failed, 1);
  console.error('could not read the vitest JSON report: counting the run as failed');
}
rmSync(dir, { recursive: true, force: true });
console.log(`\nwall time: ${((Date.now() - started) / 60000).toFixed(1)} min`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
const code = run.status ?? 1;
process.exit(code !== 0 ? code : failed > 0 || passed === 0 ? 1 : 0);
