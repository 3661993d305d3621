// Burst benchmark: N entry events for N clients through POST /v1/events → router → journey workflows,
// beside raw signalWithStart of empty workflows at the router's concurrency on the same dev server in
// the same run. Reports enrollments/s (ratio), routing separately, first-task p95 and task timeouts.
import { randomUUID } from 'node:crypto';
import { and, enrollments, eq, events, isNull, journeys, sql } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { waitUntil } from '../harness/patience';
import { settleAll, withBenchEnvironment } from './engine-bench-setup';
import type { BenchEnvironment } from './engine-bench-setup';
import type { BenchRow } from './engine-bench';

/** The router's Temporal calls in flight (engine/src/router): the baseline uses the same. */
const CONCURRENCY = 16;
const BATCH = 1_000;
/** Histories read to count timed-out or failed workflow tasks (reading all of N would dominate). */
const SAMPLED_HISTORIES = 200;
const ADMIN_KEY = 'bench-admin-key-0123456789';

const BURST_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'bench.signup' } } } },
    { id: 'nap', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: 'nap' },
    { id: 'b', source: 'nap', sourcePort: 'out', target: 'done' },
  ],
};

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

async function measureRawSignalWithStart(env: BenchEnvironment, total: number) {
  const started = performance.now();
  const run = randomUUID().slice(0, 8);
  const handles = await mapWithLimit(
    Array.from({ length: total }, (_, i) => i),
    CONCURRENCY,
    (i) =>
      env.client.workflow.signalWithStart('emptyWorkflow', {
        taskQueue: env.taskQueue,
        workflowId: `bench-sws-${run}-${i}`,
        signal: 'clientEvent',
        signalArgs: [{ eventId: String(i) }],
      }),
  );
  await settleAll(handles.map((handle) => handle.result()));
  return total / seconds(started);
}

async function countBurst(env: BenchEnvironment, journeyId: string) {
  const [row] = await env.db
    .select({
      enrolled: sql<number>`count(*)`.mapWith(Number),
      // From the run's start to its first task's bookkeeping committed: the first workflow task's latency.
      p95Ms:
        sql<number>`coalesce(percentile_cont(0.95) within group (order by extract(epoch from ${enrollments.createdAt} - ${enrollments.enteredAt}) * 1000), 0)`.mapWith(
          Number,
        ),
    })
    .from(enrollments)
    .where(eq(enrollments.journeyId, journeyId));
  return row!;
}

async function countTaskProblems(env: BenchEnvironment, journeyId: string) {
  const sample = await env.db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .where(eq(enrollments.journeyId, journeyId))
    .orderBy(sql`random()`)
    .limit(SAMPLED_HISTORIES);
  let problems = 0;
  for (const { workflowId } of sample) {
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    // EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT = 8, EVENT_TYPE_WORKFLOW_TASK_FAILED = 9 (temporal.api.enums.v1;
    // 7 is WORKFLOW_TASK_COMPLETED, which an earlier version counted: one per sleeping history).
    problems += (history.events ?? []).filter((event) => [8, 9].includes(Number(event.eventType))).length;
  }
  return { sampled: sample.length, problems };
}

/** Posts N entry events (batches of 1,000) and waits until all are routed and enrolled. */
async function measureBurst(env: BenchEnvironment, total: number) {
  const journeyId = await env.createJourney(BURST_JOURNEY as never);
  const router = createEventRouter({ db: env.db, temporal: env.client, taskQueue: env.taskQueue });
  const app = await buildApp({
    db: env.db,
    temporal: env.client,
    router,
    config: { adminKey: ADMIN_KEY, journeyTaskQueue: env.taskQueue },
  });
  try {
    const run = randomUUID().slice(0, 8);
    const occurredAt = new Date().toISOString();
    const started = performance.now();
    for (let start = 0; start < total; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, total - start) }, (_, i) => ({
        idempotencyKey: `burst-${run}-${start + i}`,
        clientId: `burst-${run}-${start + i}`,
        type: 'bench.signup',
        occurredAt,
      }));
      const response = await app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
        payload: { events: batch },
      });
      if (response.statusCode !== 202)
        throw new Error(`POST /v1/events: ${response.statusCode} ${response.body}`);
    }
    const storedSeconds = seconds(started);
    const unrouted = and(eq(events.type, 'bench.signup'), isNull(events.routedAt));
    await waitUntil(
      async () => (await env.db.select({ id: events.id }).from(events).where(unrouted).limit(1)).length === 0,
      600_000,
      'every burst event routed',
    );
    const routedSeconds = seconds(started);
    await waitUntil(
      async () => (await countBurst(env, journeyId)).enrolled >= total,
      600_000,
      'all enrolled',
    );
    const enrolledSeconds = seconds(started);
    const counted = await countBurst(env, journeyId);
    return {
      storedPerSecond: total / storedSeconds,
      routedPerSecond: total / routedSeconds,
      enrolledPerSecond: total / enrolledSeconds,
      firstTaskP95Ms: counted.p95Ms,
      ...(await countTaskProblems(env, journeyId)),
    };
  } finally {
    await app.close();
    await env.db.update(journeys).set({ status: 'paused' }).where(eq(journeys.id, journeyId));
  }
}

/** Runs the burst benchmark (N from `BENCH_BURST_EVENTS`, default 5,000) on its own dev server. */
export async function runBurstBenchmark(total = Number(process.env.BENCH_BURST_EVENTS ?? 5_000)) {
  return withBenchEnvironment(total + 200, async (env) => {
    const raw = await measureRawSignalWithStart(env, total);
    const burst = await measureBurst(env, total);
    const rows: BenchRow[] = [
      {
        metric: `raw signalWithStart of emptyWorkflow, ${CONCURRENCY} at once`,
        value: raw,
        unit: 'starts/s',
      },
      {
        metric: `burst of ${total} entry events: enrolled (POST → router → workflow → bookkeeping)`,
        value: burst.enrolledPerSecond,
        unit: 'enrollments/s',
        baseline: raw,
        ratio: burst.enrolledPerSecond / raw,
      },
      {
        metric: `burst of ${total}: routed (stored and signalled-with-start)`,
        value: burst.routedPerSecond,
        unit: 'events/s',
        baseline: raw,
        ratio: burst.routedPerSecond / raw,
      },
      {
        metric: `burst of ${total}: stored (POST /v1/events answered)`,
        value: burst.storedPerSecond,
        unit: 'events/s',
      },
      {
        metric: `burst of ${total}: first workflow task p95 (start → bookkeeping committed)`,
        value: burst.firstTaskP95Ms,
        unit: 'ms',
      },
      {
        metric: `burst of ${total}: workflow tasks timed out or failed (${burst.sampled} histories sampled)`,
        value: burst.problems,
        unit: 'tasks',
      },
    ];
    return rows;
  });
}
