import { DeliveryPolicy } from '@touchpoint/channels';
import { forecastJobLeaseKey } from '@touchpoint/domain';
import { openDatabase, sql, type OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createSimulator, type Simulator } from '@touchpoint/engine/simulation/simulator';
import { ForecastJob } from '@touchpoint/language/api-contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClient, seedTemplates, TEMPLATE_KEY, TRACKING } from '../channels/send-fixtures';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { oneSendJourney } from '../harness/one-send-journey';

// Two API processes behind a load balancer share one database and nothing else: a forecast started
// through one is polled through the other, and its result outlives the process that ran it. Each
// process here is an app on a pool of its own. A forecast cannot outlive its process's simulated
// world, so one whose process stopped (closed, or gone without a word) reads `failed` and says why.

const ADMIN_KEY = 'forecast-jobs-admin-key';
const STOPPED = 'the API process running it stopped; start it again';
const CLIENTS = 20;

let database: TestDatabase;
let first: OpenDatabase;
let second: OpenDatabase;
let simulator: Simulator;
/** The process that only reads: it runs no simulations at all. */
let reader: FastifyInstance;
const runners: FastifyInstance[] = [];
let journeyId: string;
const clientIds = Array.from({ length: CLIENTS }, (_, i) => `durable-${i + 1}`);

/** An API process on the first pool, running forecasts with the one simulator. */
async function startRunner(): Promise<FastifyInstance> {
  const app = await buildApp({ db: first.db, simulator, config: { adminKey: ADMIN_KEY } });
  runners.push(app);
  return app;
}

async function call(app: FastifyInstance, method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function startForecast(app: FastifyInstance, body: Record<string, unknown>): Promise<ForecastJob> {
  const started = await call(app, 'POST', `/v1/journeys/${journeyId}/forecast`, body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return ForecastJob.parse(started.body);
}

async function readForecast(app: FastifyInstance, id: string): Promise<ForecastJob> {
  const read = await call(app, 'GET', `/v1/forecasts/${id}`);
  expect(read.status, JSON.stringify(read.body)).toBe(200);
  return ForecastJob.parse(read.body);
}

/** Polls the reader until the job is no longer running, keeping each progress it showed. */
async function readUntilEnded(id: string): Promise<{ job: ForecastJob; progress: number[] }> {
  const progress: number[] = [];
  let job: ForecastJob | undefined;
  await waitUntil(
    async () => {
      job = await readForecast(reader, id);
      if (progress.at(-1) !== job.progress.done) progress.push(job.progress.done);
      return job.status !== 'running';
    },
    540_000,
    `forecast ${id} to end`,
  );
  return { job: job!, progress };
}

beforeAll(async () => {
  database = await createTestDatabase();
  first = openDatabase(database.url);
  second = openDatabase(database.url);
  await seedTemplates(first.db);
  for (const externalId of clientIds)
    await seedClient(first.db, { externalId, attributes: { firstName: 'Ann' } });
  simulator = createSimulator(first.db, {
    policy: DeliveryPolicy.parse({}),
    channels: ['email'],
    tracking: TRACKING,
  });
  reader = await buildApp({ db: second.db, config: { adminKey: ADMIN_KEY } });
  const created = await call(reader, 'POST', '/v1/journeys', {
    name: 'One email',
    definition: oneSendJourney(
      { kind: 'manual' },
      { id: 'hello', channels: ['email'], templateId: TEMPLATE_KEY, quietHours: 'defer' },
    ),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  journeyId = String(created.body.id);
}, 120_000);

afterAll(async () => {
  for (const app of runners) await app.close();
  await reader?.close();
  await simulator?.close();
  await first?.close();
  await second?.close();
  await database?.close();
});

describe('forecasts as durable jobs', () => {
  it('answers progress and the result through another API process', async () => {
    const runner = await startRunner();
    const started = await startForecast(runner, {
      audience: { kind: 'clients', clientIds },
      horizonDays: 30,
      behaviour: { kind: 'rates', seed: 1 },
    });
    expect(started).toMatchObject({ status: 'running', progress: { done: 0, total: CLIENTS * 30 } });

    const { job, progress } = await readUntilEnded(started.id);
    expect(job.status, job.error ?? '').toBe('completed');
    expect(job.progress).toEqual({ done: CLIENTS * 30, total: CLIENTS * 30 });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(job.results).toHaveLength(1);
    expect(job.results[0]).toMatchObject({
      version: 'draft',
      clients: CLIENTS,
      horizonDays: 30,
      enrolled: CLIENTS,
    });
    expect(job.results[0]!.steps.hello?.sent).toBeGreaterThan(0);
    // The process that ran it reads the same row.
    expect(await readForecast(runner, started.id)).toEqual(job);

    // And the row outlives it.
    await runner.close();
    expect(await readForecast(reader, started.id)).toEqual(job);
  }, 600_000);

  it('ends a forecast failed, saying why, when the process running it closes', async () => {
    const runner = await startRunner();
    const started = await startForecast(runner, {
      audience: { kind: 'clients', clientIds },
      horizonDays: 60,
    });
    expect(started.status).toBe('running');
    await runner.close();

    const job = await readForecast(reader, started.id);
    expect(job).toMatchObject({ status: 'failed', error: STOPPED, results: [] });
  }, 600_000);

  it('ends a forecast failed, saying why, when the process running it is gone without a word', async () => {
    const runner = await startRunner();
    const doomed = await startForecast(runner, {
      audience: { kind: 'clients', clientIds },
      horizonDays: 60,
    });
    expect((await readForecast(reader, doomed.id)).status).toBe('running');

    // A killed process says nothing: the server only sees its connections close. Closing the one
    // that holds the job's lease, from the server's side, is exactly what the server sees then.
    const killed = await second.db.execute(sql`
      SELECT pg_terminate_backend(pid) AS terminated FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${forecastJobLeaseKey(doomed.id)}, 0)`);
    expect((killed as unknown as { rows: unknown[] }).rows).toEqual([{ terminated: true }]);

    const { job } = await readUntilEnded(doomed.id);
    expect(job).toMatchObject({ status: 'failed', error: STOPPED, results: [] });

    // The simulator gave the lost job up: the next one, behind it in the queue, runs to the end,
    // and nothing the lost one did afterwards changed its row.
    const next = await startForecast(runner, {
      audience: { kind: 'clients', clientIds: clientIds.slice(0, 2) },
      horizonDays: 2,
    });
    expect((await readUntilEnded(next.id)).job.status).toBe('completed');
    expect(await readForecast(reader, doomed.id)).toEqual(job);
  }, 600_000);
});
