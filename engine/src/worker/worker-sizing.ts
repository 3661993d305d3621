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
 * RSS one journey adds while it sits in the sticky cache: 6.1 MB measured here (README → Operations,
 * "Worker memory": the compiled worker, 500 sleeping journeys, cache 8 vs 141, no heap cap). With the
 * SDK's reused V8 context each workflow evaluates its own copy of every module it loads, and the
 * journey language (every node's zod schema) is most of that. Rounded up, so a budget is kept.
 */
export const CACHED_WORKFLOW_MB = 6.5;

/**
 * RSS of a journey worker that has run journeys with a nearly empty cache: Node and the main thread's
 * heap (~110 MB: activities, the database pool, the SDK), the SDK's native runtime, the workflow
 * thread with its bundle, and the channel workers. 254 MB before any journey; ~410 MB after 500 with
 * 8 cached and no heap cap, ~300 MB with the cap (same README section). The uncapped figure is kept.
 */
export const WORKER_BASE_MB = 420;

/**
 * Heap of the workflow thread beyond the cache: the bundle evaluated once, the SDK's bookkeeping and
 * the journeys of the task slots while they run.
 */
const WORKFLOW_THREAD_BASE_HEAP_MB = 96;

/**
 * Heap the workflow thread gets per cached journey, as a multiple of the journey's cost: room for V8
 * to collect evicted journeys' garbage without ever running out of heap for the cache itself (an
 * out-of-memory workflow thread stops the whole worker).
 */
const HEAP_HEADROOM = 2;

/** Fewest journeys cached whatever the budget: the SDK needs at least the task slots. */
const MIN_CACHED = DEFAULT_WORKFLOW_TASK_SLOTS;

/** What a memory budget allows one journey worker. */
export interface WorkerMemorySizing {
  /** Sticky cache size: journeys kept in memory between wake-ups. */
  maxCachedWorkflows: number;
  /** V8 heap limit of the workflow thread (`--max-old-space-size` for its isolate). */
  workflowHeapMb: number;
}

/**
 * Sizes a journey worker so its RSS stays within `budgetMb`. The budget above the base is the
 * workflow thread's to fill, at twice each cached journey's cost, and its V8 heap is capped there:
 * without a cap V8 lets garbage grow toward a limit sized from the machine's memory (4 GB here),
 * which is what took the worker to twice its budget. Journeys beyond the cache are evicted and
 * replayed from history when they wake: slower wake-ups, never a lost run.
 */
export function sizeWorkerForBudget(budgetMb: number): WorkerMemorySizing {
  const perCachedMb = HEAP_HEADROOM * CACHED_WORKFLOW_MB;
  const maxCachedWorkflows = Math.max(MIN_CACHED, Math.floor((budgetMb - WORKER_BASE_MB) / perCachedMb));
  return {
    maxCachedWorkflows,
    workflowHeapMb: WORKFLOW_THREAD_BASE_HEAP_MB + maxCachedWorkflows * perCachedMb,
  };
}
