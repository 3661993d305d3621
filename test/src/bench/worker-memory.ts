// Where a journey worker's memory goes with K journeys asleep: the compiled worker process (what the
// Docker image runs) started with a memory budget, K journeys put to sleep on its queue, then its peak
// RSS (the kernel's high-water mark), its main thread's V8 heap and its sticky cache size read back.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { and, count, eq, nodeVisits } from '@touchpoint/db';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { waitUntil } from '../harness/patience';
import { spawnProductionWorker } from '../harness/spawn-production-worker';
import type { BenchEnvironment } from './engine-bench-setup';

const SLEEPING_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: 'pause' },
    { id: 'b', source: 'pause', sourcePort: 'out', target: 'done' },
  ],
};

/** What one worker process held once its K journeys were asleep. */
export interface WorkerMemory {
  sleeping: number;
  budgetMb: number;
  /** Highest RSS the process ever had (VmHWM), start-up and enrollment burst included. */
  peakRssMb: number;
  /** RSS once every journey slept. */
  rssMb: number;
  /** Main thread's V8 heap (activities, pool, SDK bookkeeping); workflows run in a thread of their own. */
  mainHeapUsedMb: number;
  mainHeapTotalMb: number;
  /** Journeys in the sticky cache (the SDK's `temporal_sticky_cache_size`). */
  cachedWorkflows: number;
  /** Seconds from the first start to the last journey asleep. */
  enrollSeconds: number;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `) || entry.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

/**
 * Starts the worker with `WORKER_MEMORY_BUDGET_MB=budgetMb`, enrolls `sleeping` clients into a
 * journey that waits a day, waits until each visited the wait, and reads the process's memory.
 * `limitMs` bounds the whole enrollment.
 */
export async function measureWorkerMemory(
  env: BenchEnvironment,
  options: { sleeping: number; budgetMb: number; limitMs: number; extraEnv?: Record<string, string> },
): Promise<WorkerMemory> {
  const journeyId = await env.createJourney(SLEEPING_JOURNEY as never);
  const clientIds = await env.createClients(options.sleeping);
  const taskQueue = `bench-memory-${randomUUID()}`;
  const worker = await spawnProductionWorker({
    DATABASE_URL: process.env.DATABASE_URL!,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    TOUCHPOINT_ADMIN_KEY: randomUUID(),
    TRACKING_SECRET: randomUUID(),
    WORKER_MEMORY_BUDGET_MB: String(options.budgetMb),
    ...options.extraEnv,
  });
  const pid = worker.child.pid!;
  try {
    const started = performance.now();
    const enrolling = mapWithLimit(clientIds, 50, (clientId) =>
      enrollClient(env.client, {
        journeyId,
        journeyVersion: 1,
        clientId,
        definition: SLEEPING_JOURNEY as never,
        reentry: 'once',
        source: 'manual',
        taskQueue,
      }),
    );
    // A worker that dies (out of memory) fails the measurement now, not at the time limit.
    await Promise.race([enrolling, worker.exited]);
    const asleep = and(eq(nodeVisits.journeyId, journeyId), eq(nodeVisits.nodeId, 'pause'));
    const asleepCount = async () =>
      (await env.db.select({ n: count() }).from(nodeVisits).where(asleep))[0]!.n;
    await Promise.race([
      waitUntil(
        async () => (await asleepCount()) >= options.sleeping,
        options.limitMs,
        'every journey asleep',
      ),
      worker.exited,
    ]);
    const enrollSeconds = (performance.now() - started) / 1000;
    // The last tasks' replies and the cache's final evictions settle within a second or two.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const metrics = await (await fetch(`${worker.operatorUrl}/metrics`)).text();
    const mb = (name: string) => metricValue(metrics, name) / 1024 / 1024;
    return {
      sleeping: options.sleeping,
      budgetMb: options.budgetMb,
      peakRssMb: procStatusMb(pid, 'VmHWM'),
      rssMb: procStatusMb(pid, 'VmRSS'),
      mainHeapUsedMb: mb('touchpoint_nodejs_heap_size_used_bytes'),
      mainHeapTotalMb: mb('touchpoint_nodejs_heap_size_total_bytes'),
      cachedWorkflows: metricValue(metrics, 'temporal_sticky_cache_size'),
      enrollSeconds,
    };
  } finally {
    worker.child.kill('SIGKILL');
  }
}
