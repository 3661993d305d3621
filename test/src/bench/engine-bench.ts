// The engine benchmark: `npx tsx test/src/bench/engine-bench.ts` alone, or through `npm run bench`.
// Journey enrollments and node transitions per second, each beside raw starts of an empty workflow
// on the same dev server in the same run, and worker memory per sleeping journey in the sticky cache.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { and, count, eq, nodeVisits } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import type { z } from 'zod';
import { settleAll, withBenchEnvironment } from './engine-bench-setup';
import type { BenchEnvironment } from './engine-bench-setup';
import { edge, entry } from '../engine/journey-parts';

/** One measured line; `ratio` = value / baseline when a same-run baseline exists. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

/** What {@link runEngineBenchmark} reports. */
export interface BenchResult {
  name: string;
  rows: BenchRow[];
}

/**
 * Sizes of one run (defaults keep the whole benchmark under two minutes: the dev server's SQLite
 * store, not the database, bounds journey throughput; every transition is a recorded visit, i.e. an
 * activity and its workflow tasks).
 */
export interface EngineBenchmarkOptions {
  emptyStarts?: number;
  enrollments?: number;
  sleepingJourneys?: number;
  /** Starts in flight at once. */
  concurrency?: number;
}

type Definition = z.input<typeof JourneyDefinition>;

/** entry -> condition split -> random split -> exit: 3 transitions, each a recorded visit. */
const SPLIT_JOURNEY: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    {
      id: 'tier',
      kind: 'conditionSplit',
      config: {
        branches: [
          {
            id: 'gold',
            condition: { predicates: [{ kind: 'attribute', attribute: 'tier', op: 'eq', value: 'gold' }] },
          },
        ],
      },
    },
    {
      id: 'ab',
      kind: 'randomSplit',
      config: {
        variants: [
          { id: 'a', weight: 50 },
          { id: 'b', weight: 50 },
        ],
      },
    },
    { id: 'done', kind: 'exit', config: { reason: 'done' } },
  ],
  edges: [edge('entry', 'out', 'tier'), edge('tier', 'branch:gold', 'ab'), edge('tier', 'else', 'ab')].concat(
    [edge('ab', 'variant:a', 'done'), edge('ab', 'variant:b', 'done')],
  ),
};
const SPLIT_TRANSITIONS = 3;

/** entry -> a day's wait: journeys that stay asleep in the worker's cache. */
const SLEEPING_JOURNEY: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: { reason: 'done' } },
  ],
  edges: [edge('entry', 'out', 'pause'), edge('pause', 'out', 'done')],
};

async function runPool(total: number, concurrency: number, work: (index: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

const perSecond = (total: number, startedMs: number) => total / ((performance.now() - startedMs) / 1000);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function enrollmentInput(env: BenchEnvironment, journeyId: string, clientId: string, definition: Definition) {
  return {
    journeyId,
    journeyVersion: 1,
    clientId,
    definition,
    reentry: 'once' as const,
    source: 'manual' as const,
    taskQueue: env.taskQueue,
  };
}

async function measureEmptyStarts(env: BenchEnvironment, total: number, concurrency: number) {
  const handles: { result(): Promise<unknown> }[] = [];
  const started = performance.now();
  await runPool(total, concurrency, async (index) => {
    handles.push(
      await env.client.workflow.start('emptyWorkflow', {
        taskQueue: env.taskQueue,
        workflowId: `bench-empty-${index}-${Date.now()}`,
      }),
    );
  });
  const startsPerSecond = perSecond(total, started);
  await settleAll(handles.map((handle) => handle.result()));
  return startsPerSecond;
}

async function measureJourneys(env: BenchEnvironment, total: number, concurrency: number) {
  const journeyId = await env.createJourney(SPLIT_JOURNEY);
  const clientIds = await env.createClients(total);
  const handles: { result(): Promise<unknown> }[] = [];
  const started = performance.now();
  await runPool(total, concurrency, async (index) => {
    handles.push(
      await enrollClient(env.client, enrollmentInput(env, journeyId, clientIds[index]!, SPLIT_JOURNEY)),
    );
  });
  const enrollmentsPerSecond = perSecond(total, started);
  await settleAll(handles.map((handle) => handle.result()));
  return { enrollmentsPerSecond, transitionsPerSecond: perSecond(total * SPLIT_TRANSITIONS, started) };
}

function collectGarbage(): void {
  // Exposes V8's gc without a command-line flag, so the measurement runs under plain `tsx`.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function measureSleepingMemory(env: BenchEnvironment, total: number, concurrency: number) {
  const journeyId = await env.createJourney(SLEEPING_JOURNEY);
  const clientIds = await env.createClients(total);
  collectGarbage();
  const before = process.memoryUsage();
  await runPool(total, concurrency, (index) =>
    enrollClient(env.client, enrollmentInput(env, journeyId, clientIds[index]!, SLEEPING_JOURNEY)),
  );
  const asleep = and(eq(nodeVisits.journeyId, journeyId), eq(nodeVisits.nodeId, 'pause'));
  for (let waited = 0; waited < 60_000; waited += 250) {
    const [row] = await env.db.select({ value: count() }).from(nodeVisits).where(asleep);
    if ((row?.value ?? 0) >= total) break;
    await delay(250);
  }
  await delay(1_000);
  collectGarbage();
  const after = process.memoryUsage();
  return {
    rssKb: (after.rss - before.rss) / 1024 / total,
    heapKb: (after.heapUsed - before.heapUsed) / 1024 / total,
  };
}

/** Runs the engine benchmark on its own dev server and returns (and prints) its rows. */
export async function runEngineBenchmark(options: EngineBenchmarkOptions = {}): Promise<BenchResult> {
  const emptyStarts = options.emptyStarts ?? 1_000;
  const enrollments = options.enrollments ?? 300;
  const sleeping = options.sleepingJourneys ?? 500;
  const concurrency = options.concurrency ?? 50;
  return withBenchEnvironment(sleeping + 200, async (env) => {
    const emptyPerSecond = await measureEmptyStarts(env, emptyStarts, concurrency);
    const journeys = await measureJourneys(env, enrollments, concurrency);
    const memory = await measureSleepingMemory(env, sleeping, concurrency);
    const versus = (value: number) => ({ baseline: emptyPerSecond, ratio: value / emptyPerSecond });
    const result: BenchResult = {
      name: `engine (dev server, ${env.database})`,
      rows: [
        { metric: 'raw emptyWorkflow starts', value: emptyPerSecond, unit: 'starts/s' },
        {
          metric: 'journey enrollments started',
          value: journeys.enrollmentsPerSecond,
          unit: 'enrollments/s',
          ...versus(journeys.enrollmentsPerSecond),
        },
        {
          metric: `node transitions (${enrollments} journeys run to the end)`,
          value: journeys.transitionsPerSecond,
          unit: 'transitions/s',
          ...versus(journeys.transitionsPerSecond),
        },
        // With PGlite the database lives in this process too, so its growth is part of the RSS delta.
        { metric: `worker RSS per cached sleeping journey (${sleeping})`, value: memory.rssKb, unit: 'KB' },
        {
          metric: `worker main-thread heap per cached sleeping journey (${sleeping})`,
          value: memory.heapKb,
          unit: 'KB',
        },
      ],
    };
    printBenchResult(result);
    return result;
  });
}

/** Prints rows as an aligned table. */
export function printBenchResult(result: BenchResult): void {
  const lines = result.rows.map((row) =>
    [
      row.metric.padEnd(62),
      `${row.value.toFixed(1)} ${row.unit}`.padEnd(24),
      row.baseline === undefined ? '' : `vs ${row.baseline.toFixed(1)} starts/s`,
      row.ratio === undefined ? '' : `ratio ${row.ratio.toFixed(3)}`,
    ].join(' '),
  );
  process.stdout.write(`${result.name}\n${lines.join('\n')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runEngineBenchmark();
}
