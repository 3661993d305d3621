// Audience and memory benchmarks, each with a real worker process of its own: (c) a schedule entry
// enrolls M members, the worker is SIGKILLed midway and another resumes; every member exactly once,
// beside raw empty-workflow starts at the same concurrency; (d) worker RSS with K sleeping journeys
// against the memory budget its sticky cache was sized to.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { audienceRuns, clients, count, countDistinct, enrollments, eq } from '@touchpoint/db';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { journeyScheduleId, syncJourneySchedule } from '@touchpoint/engine/temporal/journey-schedule';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { AUDIENCE_START_CONCURRENCY } from '@touchpoint/engine/temporal/start-audience-page';
import { waitUntil } from '../harness/patience';
import { spawnJourneyWorker } from '../harness/spawn-journey-worker';
import { settleAll, withBenchEnvironment } from './engine-bench-setup';
import type { BenchEnvironment } from './engine-bench-setup';
import type { BenchRow } from './engine-bench';

const SEGMENT = 'R2F2M2';
const LONG = 3_600_000;
const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

const AUDIENCE_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'entry',
      kind: 'entry',
      config: { trigger: { kind: 'schedule', cron: '0 9 * * 1', segment: SEGMENT } },
    },
    { id: 'done', kind: 'exit', config: { reason: 'welcomed' } },
  ],
  edges: [{ id: 'a', source: 'entry', sourcePort: 'out', target: 'done' }],
  settings: { reentry: 'afterExit' },
};

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

function spawnWorker(env: BenchEnvironment, taskQueue: string, budgetMb?: number): Promise<ChildProcess> {
  return spawnJourneyWorker({
    DATABASE_URL: process.env.DATABASE_URL!,
    TEMPORAL_ADDRESS: env.temporalAddress,
    JOURNEY_TASK_QUEUE: taskQueue,
    ...(budgetMb ? { WORKER_MEMORY_BUDGET_MB: String(budgetMb) } : {}),
  });
}

async function measureRawStarts(env: BenchEnvironment, total: number) {
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const handles = await mapWithLimit(
    Array.from({ length: total }, (_, i) => i),
    AUDIENCE_START_CONCURRENCY,
    (i) =>
      env.client.workflow.start('emptyWorkflow', {
        taskQueue: env.taskQueue,
        workflowId: `bench-raw-${run}-${i}`,
      }),
  );
  await settleAll(handles.map((handle) => handle.result()));
  return total / seconds(started);
}

async function seedSegment(env: BenchEnvironment, members: number) {
  const run = randomUUID().slice(0, 8);
  for (let start = 0; start < members; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, members - start) }, (_, i) => ({
      externalId: `aud-${run}-${start + i}`,
      attributes: { rfmCell: SEGMENT },
    }));
    await env.db.insert(clients).values(rows);
  }
}

/** (c): the audience enrolled by a schedule entry, its worker killed once halfway. */
async function measureAudience(env: BenchEnvironment, members: number) {
  await seedSegment(env, members);
  const journeyId = await env.createJourney(AUDIENCE_JOURNEY as never);
  const taskQueue = `bench-audience-${randomUUID()}`;
  await syncJourneySchedule({
    client: env.client,
    journeyId,
    taskQueue,
    definition: AUDIENCE_JOURNEY as never,
  });
  const schedule = env.client.schedule.getHandle(journeyScheduleId(journeyId));
  const run = async () =>
    (await env.db.select().from(audienceRuns).where(eq(audienceRuns.journeyId, journeyId)))[0];
  const first = await spawnWorker(env, taskQueue);
  const started = performance.now();
  await schedule.trigger();
  await waitUntil(async () => ((await run())?.members ?? 0) >= members / 2, LONG, 'half the audience');
  first.kill('SIGKILL');
  const second = await spawnWorker(env, taskQueue);
  try {
    await waitUntil(async () => (await run())?.status === 'completed', LONG, 'the audience resumed and done');
    const recorded = async () =>
      (await env.db.select({ n: count() }).from(enrollments).where(eq(enrollments.journeyId, journeyId)))[0]!
        .n;
    await waitUntil(async () => (await recorded()) >= members, LONG, 'every enrollment recorded');
    const perSecond = members / seconds(started);
    const [tally] = await env.db
      .select({ rows: count(), clients: countDistinct(enrollments.clientId) })
      .from(enrollments)
      .where(eq(enrollments.journeyId, journeyId));
    return { perSecond, attempts: (await run())!.attempts, rows: tally!.rows, clients: tally!.clients };
  } finally {
    await schedule.delete();
    second.kill('SIGKILL');
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** (d): K journeys asleep on a worker whose cache was sized to `budgetMb`; its peak RSS. */
async function measureMemory(env: BenchEnvironment, sleeping: number, budgetMb: number) {
  const journeyId = await env.createJourney(SLEEPING_JOURNEY as never);
  const clientIds = await env.createClients(sleeping);
  const taskQueue = `bench-memory-${randomUUID()}`;
  const worker = await spawnWorker(env, taskQueue, budgetMb);
  let peak = rssMb(worker.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(worker.pid!))), 200);
  try {
    await mapWithLimit(clientIds, 50, (clientId) =>
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
    const asleep = async () =>
      (await env.db.select({ n: count() }).from(enrollments).where(eq(enrollments.journeyId, journeyId)))[0]!
        .n;
    await waitUntil(async () => (await asleep()) >= sleeping, LONG, 'every journey asleep');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { peakMb: Math.max(peak, rssMb(worker.pid!)) };
  } finally {
    clearInterval(sampler);
    worker.kill('SIGKILL');
  }
}

/** Runs (c) and (d); sizes from `BENCH_AUDIENCE_MEMBERS` (100,000), `BENCH_SLEEPING` (10,000), `BENCH_BUDGET_MB` (1,024). */
export async function runAudienceBenchmark(): Promise<BenchRow[]> {
  const members = Number(process.env.BENCH_AUDIENCE_MEMBERS ?? 100_000);
  const sleeping = Number(process.env.BENCH_SLEEPING ?? 10_000);
  const budgetMb = Number(process.env.BENCH_BUDGET_MB ?? 1_024);
  return withBenchEnvironment(200, async (env) => {
    const raw = await measureRawStarts(env, Math.min(members, 5_000));
    const audience = await measureAudience(env, members);
    const memory = await measureMemory(env, sleeping, budgetMb);
    return [
      {
        metric: `raw emptyWorkflow starts, ${AUDIENCE_START_CONCURRENCY} at once`,
        value: raw,
        unit: 'starts/s',
      },
      {
        metric: `audience of ${members} by schedule entry, worker killed midway (attempts ${audience.attempts})`,
        value: audience.perSecond,
        unit: 'enrollments/s',
        baseline: raw,
        ratio: audience.perSecond / raw,
      },
      {
        metric: `audience of ${members}: enrollments recorded / distinct members (must both be ${members})`,
        value: audience.rows === members && audience.clients === members ? 1 : 0,
        unit: `(${audience.rows} / ${audience.clients})`,
      },
      {
        metric: `worker peak RSS with ${sleeping} sleeping journeys vs its budget`,
        value: memory.peakMb,
        unit: 'MB',
        baseline: budgetMb,
        ratio: memory.peakMb / budgetMb,
      },
    ];
  });
}
