/**
 * How long a test waits for something that is bound to happen (a row, a mail, a receipt, a button)
 * before it calls the wait failed. On a loaded machine (two cores shared by several suites) work
 * takes five times its idle time or more, so no wait may decide a verdict by the clock: a correct
 * product passes however slow the machine, a broken one still fails because the awaited thing never
 * comes. The budget only bounds how long a failure takes to report, and stays below vitest's
 * `testTimeout` (vitest.config.ts) so the failing wait's own message, naming what never came, is
 * what the run reports.
 */
export const PATIENCE_MS = 90_000;

/** Polls `check` every 50 ms until it holds, for at most `timeoutMs` (default `PATIENCE_MS`). */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = PATIENCE_MS,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
