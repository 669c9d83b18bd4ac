import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the "@tace/source" export condition maps each workspace
// package to its src/index.ts, so no build is needed before `vitest`. Plain Node uses dist/.
const conditions = ['@tace/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // No test may fail because the machine is slower (CI shares 2 cores with other jobs): the timeouts are
    // >= 5x each test's quiet run time. The slowest tests take about a minute on a quiet 2-core machine (see
    // `node scripts/test-ci.mjs`, which prints the slowest files and tests); a per-test timeout is set only
    // where a test needs more than this.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
