/**
 * How many workflow tasks, local activities and cached workflows one journey worker runs, from
 * measurements on a 2-core machine (see README → Benchmarks, `npm run bench -- engine`).
 *
 * - Workflow task slots, 8: with the SDK's 40, a burst interleaved 40 tasks on one main thread that
 *   also serves the database pool, and tasks waited past Temporal's 10 s timeout; at 8 the same burst
 *   had none and finished about as fast (each task is short once its bookkeeping is one flush).
 * - Local activity slots, 12: each task has at most one flush or read in flight, so a little more
 *   than the task slots keeps every task moving without queueing behind another's.
 */
export const DEFAULT_WORKFLOW_TASK_SLOTS = 8;
export const DEFAULT_LOCAL_ACTIVITY_SLOTS = 12;

/**
 * Worker RSS per journey kept in the sticky cache: 1.44 MB measured here with 500 sleeping journeys
 * (`measureSleepingMemory` in test/src/bench/engine-bench.ts, PostgreSQL; the issue measured 1.1–1.7 MB
 * at 2,310): the workflow's V8 context in the workflow thread plus its state in the native runtime.
 * Rounded up, so a budget is kept. `npm run bench -- audience` checks the RSS against the budget.
 */
export const CACHED_WORKFLOW_MB = 1.5;

/** RSS of a journey worker with an empty cache (Node, the SDK's native runtime, the bundle, the pool). */
export const WORKER_BASE_MB = 300;

/** Fewest journeys cached whatever the budget: the SDK needs at least the task slots. */
const MIN_CACHED = DEFAULT_WORKFLOW_TASK_SLOTS;

/**
 * Sticky-cache size that keeps the worker's RSS within `budgetMb`: journeys beyond it are evicted
 * and replayed from history when they wake (slower wake-ups, never a lost run).
 */
export function cachedWorkflowsForBudget(budgetMb: number): number {
  return Math.max(MIN_CACHED, Math.floor((budgetMb - WORKER_BASE_MB) / CACHED_WORKFLOW_MB));
}
