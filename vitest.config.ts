import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files run at once. Vitest's default (one fewer than the cores) is a single fork on a
 * two-core machine, and that fork spends most of its time waiting: on Temporal task round trips,
 * PostgreSQL, Chromium paints, child processes starting. Measured idle, one fork kept the load
 * average under 1; two forks per core overlap those waits. `TOUCHPOINT_TEST_WORKERS` overrides.
 */
function testWorkers(): number {
  const override = Number(process.env.TOUCHPOINT_TEST_WORKERS);
  if (Number.isInteger(override) && override > 0) return override;
  return Math.max(2, availableParallelism() * 2);
}

// One config for the whole repo. Pure modules keep their tests beside them; cross-package tests
// live in test/. globalSetup starts one Temporal dev server and one throwaway PostgreSQL cluster
// for the whole run (see test/src/harness/global-setup.ts).
export default defineConfig({
  test: {
    include: [
      '*/src/**/*.test.{ts,tsx}',
      'engine/language/src/**/*.test.ts',
      'engine/domain/src/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: testWorkers(),
    // A fork keeps its modules from one file to the next. Isolated, every file paid ~5 s importing
    // Temporal, fastify, drizzle and the native core bridge again: measured idle, 834 s with
    // isolation, 525 s without (import 1,009 s summed over the files down to 50 s). The files share
    // no module state they rely on: each opens its own database, servers and task queues.
    isolate: false,
    globalSetup: ['test/src/harness/global-setup.ts'],
    // Sized for a loaded machine (two cores shared with other work runs 4-5x slower than idle): a
    // test's own waits give up after PATIENCE_MS (90 s, test/src/harness/patience.ts) so they report
    // what never came; these outer bounds sit above that and only stop a test that hangs outright.
    // A passing run never waits for them, so they cost an idle run nothing.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    // expect.poll's default of 1 s is a wall-clock budget a loaded machine exceeds.
    expect: { poll: { timeout: 90_000 } },
  },
});
