import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Worker } from '@temporalio/worker';
import { createJourneyActivities } from '@touchpoint/activities';
import { clients, migrateDatabase, openDatabase, openPgliteDatabase } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import { startTemporalDevServer } from '@touchpoint/engine/main/temporal-dev-server';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';
import type { z } from 'zod';
import { insertPublishedJourney } from '../harness/published-journey';

/** Everything the engine benchmark runs on: its own dev server, a database and one journey worker. */
export interface BenchEnvironment {
  db: Database;
  database: 'postgres' | 'pglite';
  client: Client;
  /** The bench's own dev server, for worker processes the bench spawns. */
  temporalAddress: string;
  taskQueue: string;
  worker: Worker;
  /** Inserts `count` clients and returns their ids. */
  createClients(count: number): Promise<string[]>;
  /** Inserts an active journey published as version 1; returns its id. */
  createJourney(definition: z.input<typeof JourneyDefinition>): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs `measure` on a fresh environment and closes it afterwards, whatever happened. Every Temporal
 * call `measure` makes (also from work it leaves running, such as the API's background routing or the
 * long polls of a `result()` nobody awaits after a failure) carries one abort signal, aborted before
 * the connection closes: a call still in flight would otherwise meet the stopped server, be retried by
 * the client's gRPC retry interceptor from a timer, and throw "Channel has been shut down" there, an
 * uncaught error that ends the whole benchmark run.
 */
export async function withBenchEnvironment<T>(
  maxCachedWorkflows: number,
  measure: (env: BenchEnvironment) => Promise<T>,
): Promise<T> {
  const env = await startBenchEnvironment(maxCachedWorkflows);
  const inFlight = new AbortController();
  try {
    return await env.client.connection.withAbortSignal(inFlight.signal, () => measure(env));
  } finally {
    inFlight.abort();
    await env.close();
  }
}

/** Awaits every promise (none is left running on failure), then throws the first failure. */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

async function openBenchDatabase() {
  // BENCH_DATABASE=pglite measures the zero-install shape even when the runner started PostgreSQL.
  const url = process.env.BENCH_DATABASE === 'pglite' ? undefined : process.env.DATABASE_URL;
  if (url) return { ...openDatabase(url, { maxConnections: 20 }), database: 'postgres' as const };
  const opened = await openPgliteDatabase('memory://');
  await migrateDatabase(opened.db);
  return { ...opened, database: 'pglite' as const };
}

/**
 * Starts a Temporal dev server of its own (so other work on a shared server cannot skew the
 * numbers), opens `DATABASE_URL` (migrated) or an in-memory PGlite database, and runs one journey
 * worker with the bookkeeping activities and a sticky cache of `maxCachedWorkflows`.
 */
export async function startBenchEnvironment(maxCachedWorkflows: number): Promise<BenchEnvironment> {
  const [server, opened] = await Promise.all([startTemporalDevServer(), openBenchDatabase()]);
  const connection = await Connection.connect({ address: server.address });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const client = new Client({ connection });
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await createJourneyWorker({
    connection: nativeConnection,
    taskQueue,
    activities: createJourneyActivities({ db: opened.db }),
    maxCachedWorkflows,
  });
  const running = worker.run();
  const { db } = opened;
  return {
    db,
    database: opened.database,
    client,
    temporalAddress: server.address,
    taskQueue,
    worker,
    async createClients(count) {
      const rows = Array.from({ length: count }, () => ({
        externalId: `bench-${randomUUID()}`,
        attributes: { tier: Math.random() < 0.3 ? 'gold' : 'silver' },
      }));
      const ids: string[] = [];
      // Chunked: one statement's parameter count stays far below Postgres' limit.
      for (let start = 0; start < rows.length; start += 1_000) {
        const inserted = await db
          .insert(clients)
          .values(rows.slice(start, start + 1_000))
          .returning({ id: clients.id });
        ids.push(...inserted.map((row) => row.id));
      }
      return ids;
    },
    createJourney: (definition) => insertPublishedJourney(db, definition, `bench ${randomUUID()}`),
    // Consumers first, then what they consume: the worker drains its tasks, its connection and the
    // client's close, the database (which the worker's activities used) after them, the server last.
    async close() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      await opened.close();
      await server.stop();
    },
  };
}
