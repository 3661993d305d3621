import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import type { ActivityInterceptorsFactory, NativeConnection, WorkerPlugin } from '@temporalio/worker';
import { capWorkflowThreadHeap } from './cap-workflow-heap';
import {
  DEFAULT_LOCAL_ACTIVITY_SLOTS,
  DEFAULT_WORKFLOW_TASK_SLOTS,
  sizeWorkerForBudget,
} from './worker-sizing';

/** Path of the workflow bundle's entry (TypeScript; the worker's bundler compiles it). */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** File names of the prebuilt journey workflow bundle (see bundle-journey-workflows.ts). */
export const PREBUILT_BUNDLE_FILES = { plain: 'journeys.js', traced: 'journeys-traced.js' } as const;

/**
 * The prebuilt workflow bundle: from the folder `WORKFLOW_BUNDLE_DIR` names when set (the test
 * harness bundles once per run there), else beside the compiled worker (`npm run build:server` writes
 * `dist/server/workflows/`); null when running from source, where the worker bundles at start.
 * Traced workers need the bundle built with the tracing interceptors.
 */
export function prebuiltWorkflowBundle(isTraced: boolean): string | null {
  const name = isTraced ? PREBUILT_BUNDLE_FILES.traced : PREBUILT_BUNDLE_FILES.plain;
  const dir = process.env.WORKFLOW_BUNDLE_DIR;
  const file = dir ? path.join(dir, name) : fileURLToPath(new URL(`../workflows/${name}`, import.meta.url));
  if (existsSync(file)) return file;
  // A named folder without the bundle is a mistake to report, not a reason to bundle quietly.
  if (dir) throw new Error(`WORKFLOW_BUNDLE_DIR=${dir} holds no ${name}`);
  return null;
}

/** How big one journey worker is (`WORKER_*` variables; defaults in worker-sizing.ts). */
export interface JourneyWorkerSizing {
  /** Workflow tasks run at once (default 8). */
  workflowTaskSlots?: number;
  /** Local activities (bookkeeping flushes, client reads) run at once (default 12). */
  localActivitySlots?: number;
  /**
   * RSS the worker is sized to (`sizeWorkerForBudget`: the sticky cache and the workflow thread's
   * heap); ignored when `maxCachedWorkflows` is set.
   */
  memoryBudgetMb?: number;
  /** Sticky cache size: journeys kept in memory between wake-ups (default: the SDK's, or from the budget). */
  maxCachedWorkflows?: number;
}

/** Options of {@link createJourneyWorker}. */
export interface JourneyWorkerOptions extends JourneyWorkerSizing {
  connection: NativeConnection;
  taskQueue: string;
  /** Activities to register on this queue: usually `createActivities(deps)` (bookkeeping + sends). */
  activities: object;
  namespace?: string;
  /** Activity interceptors (metrics, traces). */
  activityInterceptors?: ActivityInterceptorsFactory[];
  /** Worker plugins (tracing adds its workflow interceptors and span sink). */
  plugins?: WorkerPlugin[];
  /** Workflow code bundled already (the simulator bundles once and starts a worker per run). */
  workflowBundle?: { code: string } | { codePath: string };
}

function prebuiltBundleOption(isTraced: boolean): { codePath: string } | null {
  const codePath = prebuiltWorkflowBundle(isTraced);
  return codePath ? { codePath } : null;
}

/** The cache size asked for, else the budget's (capping the workflow thread's heap to match). */
function cacheSize(options: JourneyWorkerSizing): number | undefined {
  if (options.maxCachedWorkflows !== undefined) return options.maxCachedWorkflows;
  if (options.memoryBudgetMb === undefined) return undefined;
  const sizing = sizeWorkerForBudget(options.memoryBudgetMb);
  capWorkflowThreadHeap(sizing.workflowHeapMb);
  return sizing.maxCachedWorkflows;
}

/**
 * A worker that runs journey workflows and the given activities on one task queue. Sends may also run
 * on per-channel queues: start one more worker per channel queue with only the send activities.
 */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const bundle = options.workflowBundle ?? prebuiltBundleOption((options.plugins ?? []).length > 0);
  const maxCachedWorkflows = cacheSize(options);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    ...(bundle ? { workflowBundle: bundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: options.activities,
    interceptors: { activity: options.activityInterceptors ?? [] },
    plugins: options.plugins ?? [],
    maxConcurrentWorkflowTaskExecutions: options.workflowTaskSlots ?? DEFAULT_WORKFLOW_TASK_SLOTS,
    maxConcurrentLocalActivityExecutions: options.localActivitySlots ?? DEFAULT_LOCAL_ACTIVITY_SLOTS,
    ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}),
  });
}
