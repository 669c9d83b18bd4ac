import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the "@tace/source" export condition maps each workspace
// package to its src/index.ts, so no build is needed before `vitest`. Plain Node uses dist/.
const conditions = ['@tace/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
