// Audience and memory benchmarks, each with a real worker process of its own: (c) a schedule entry
// enrolls M members, the worker is SIGKILLed midway and another resumes; every member exactly once,
// beside raw empty-workflow starts at the same concurrency; (d) the compiled worker's peak RSS with K
// sleeping journeys against the memory budget it was sized from (worker-memory.ts), failing when over.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { audienceRuns, clients, count, countDistinct, enrollments, eq } from '@touchpoint/db';
import { journeyScheduleId, syncJourneySchedule } from '@touchpoint/engine/temporal/journey-schedule';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { AUDIENCE_START_CONCURRENCY } from '@touchpoint/engine/temporal/start-audience-page';
import { waitUntil } from '../harness/patience';
import { spawnJourneyWorker } from '../harness/spawn-journey-worker';
import { buildServer } from '../harness/spawn-production-worker';
import { settleAll, withBenchEnvironment } from './engine-bench-setup';
import type { BenchEnvironment } from './engine-bench-setup';
import type { BenchRow } from './engine-bench';
import { measureWorkerMemory, type WorkerMemory } from './worker-memory';

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

function spawnWorker(env: BenchEnvironment, taskQueue: string): Promise<ChildProcess> {
  return spawnJourneyWorker({
    DATABASE_URL: process.env.DATABASE_URL!,
    TEMPORAL_ADDRESS: env.temporalAddress,
    JOURNEY_TASK_QUEUE: taskQueue,
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

/** (d)'s rows; throws, naming the figures, when the peak RSS is over the budget. */
function memoryRows(memory: WorkerMemory): BenchRow[] {
  const ratio = memory.peakRssMb / memory.budgetMb;
  if (ratio > 1) {
    throw new Error(
      `worker peak RSS ${memory.peakRssMb.toFixed(0)} MB is over its ${memory.budgetMb} MB budget ` +
        `(ratio ${ratio.toFixed(3)}, ${memory.sleeping} sleeping, ${memory.cachedWorkflows} cached)`,
    );
  }
  const at = `${memory.sleeping} sleeping journeys, budget ${memory.budgetMb} MB`;
  return [
    {
      metric: `worker peak RSS, ${at}`,
      value: memory.peakRssMb,
      unit: 'MB',
      baseline: memory.budgetMb,
      ratio,
    },
    { metric: `worker RSS once all asleep, ${at}`, value: memory.rssMb, unit: 'MB' },
    { metric: `worker main-thread V8 heap used, ${at}`, value: memory.mainHeapUsedMb, unit: 'MB' },
    { metric: `journeys in the sticky cache, ${at}`, value: memory.cachedWorkflows, unit: 'workflows' },
    {
      metric: `${memory.sleeping} journeys put to sleep`,
      value: memory.sleeping / memory.enrollSeconds,
      unit: 'journeys/s',
    },
  ];
}

/**
 * (d) alone (`npm run bench -- memory`): sizes from `BENCH_SLEEPING` (10,000), `BENCH_BUDGET_MB` (512),
 * bounded by `BENCH_MEMORY_LIMIT_S` (1,800 s for every journey to fall asleep).
 */
export async function runWorkerMemoryBenchmark(): Promise<BenchRow[]> {
  const sleeping = Number(process.env.BENCH_SLEEPING ?? 10_000);
  const budgetMb = Number(process.env.BENCH_BUDGET_MB ?? 512);
  const limitMs = Number(process.env.BENCH_MEMORY_LIMIT_S ?? 1_800) * 1000;
  // The worker measured is the compiled one the Docker image runs, built from this checkout.
  buildServer();
  return withBenchEnvironment(10, async (env) =>
    memoryRows(await measureWorkerMemory(env, { sleeping, budgetMb, limitMs })),
  );
}

/** Runs (c) and (d); (c) sized from `BENCH_AUDIENCE_MEMBERS` (100,000), (d) as {@link runWorkerMemoryBenchmark}. */
export async function runAudienceBenchmark(): Promise<BenchRow[]> {
  const members = Number(process.env.BENCH_AUDIENCE_MEMBERS ?? 100_000);
  const audienceRows = await withBenchEnvironment(200, async (env) => {
    const raw = await measureRawStarts(env, Math.min(members, 5_000));
    const audience = await measureAudience(env, members);
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
    ];
  });
  return [...audienceRows, ...(await runWorkerMemoryBenchmark())];
}
