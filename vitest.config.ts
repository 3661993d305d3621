import { defineConfig } from 'vitest/config';

// One config for the whole repo. Pure modules keep their tests beside them; cross-package tests
// live in test/. globalSetup starts one Temporal dev server and one throwaway PostgreSQL cluster
// for the whole run (see test/src/harness/global-setup.ts).
export default defineConfig({
  test: {
    include: ['*/src/**/*.test.{ts,tsx}'],
    pool: 'forks',
    globalSetup: ['test/src/harness/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
