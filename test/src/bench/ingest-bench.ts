import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { clients, events, openDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createTestDatabase } from '../harness/database';

/**
 * Events/s through `POST /v1/events` beside two raw baselines into the same table, same run: a
 * multi-row INSERT per batch (what the API itself issues) and COPY (the ceiling of bulk loading).
 */
export interface IngestBenchmarkResult {
  events: number;
  batchSize: number;
  apiEventsPerSecond: number;
  rawInsertEventsPerSecond: number;
  rawCopyEventsPerSecond: number;
  /** api / raw: the share of raw insert speed the API keeps (validation, idempotency, clients, JSON). */
  ratio: number;
  /** api / COPY. */
  copyRatio: number;
}

function batch(start: number, size: number, prefix: string) {
  return Array.from({ length: size }, (_, i) => ({
    idempotencyKey: `${prefix}-${start + i}`,
    clientId: `bench-${(start + i) % 1000}`,
    type: 'pageView',
    occurredAt: '2024-05-01T10:00:00Z',
    properties: { page: `/p/${start + i}` },
  }));
}

/** Runs against a fresh database from the test harness (needs the vitest global setup's env). */
export async function runIngestBenchmark(total = 50_000, batchSize = 1_000): Promise<IngestBenchmarkResult> {
  const testDatabase = await createTestDatabase();
  const { db, close } = openDatabase(testDatabase.url);
  const app = await buildApp({ db, config: { adminKey: 'bench' } });
  try {
    const apiStart = performance.now();
    for (let start = 0; start < total; start += batchSize) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { authorization: 'Bearer bench' },
        payload: { events: batch(start, batchSize, 'api') },
      });
      if (response.statusCode !== 202) throw new Error(`ingest failed: ${response.body}`);
    }
    const apiSeconds = (performance.now() - apiStart) / 1000;
    const [client] = await db.select({ id: clients.id }).from(clients).limit(1);
    const rawStart = performance.now();
    for (let start = 0; start < total; start += batchSize) {
      await db.insert(events).values(
        batch(start, batchSize, 'raw').map((e) => ({
          idempotencyKey: e.idempotencyKey,
          clientId: client!.id,
          type: e.type,
          occurredAt: new Date(e.occurredAt),
          properties: e.properties,
        })),
      );
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const copySeconds = await copyEvents(testDatabase.url, client!.id, total);
    const apiEventsPerSecond = Math.round(total / apiSeconds);
    const rawInsertEventsPerSecond = Math.round(total / rawSeconds);
    const rawCopyEventsPerSecond = Math.round(total / copySeconds);
    return {
      events: total,
      batchSize,
      apiEventsPerSecond,
      rawInsertEventsPerSecond,
      rawCopyEventsPerSecond,
      ratio: apiEventsPerSecond / rawInsertEventsPerSecond,
      copyRatio: apiEventsPerSecond / rawCopyEventsPerSecond,
    };
  } finally {
    await app.close();
    await close();
    await testDatabase.close();
  }
}

/** Seconds to COPY `total` events (same shape as the API's) into the table in one stream. */
async function copyEvents(url: string, clientId: string, total: number): Promise<number> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  try {
    const lines = Readable.from(
      (function* () {
        for (const e of batch(0, total, 'copy')) {
          const properties = JSON.stringify(e.properties).replaceAll('"', '""');
          yield `${e.idempotencyKey},${clientId},${e.type},${e.occurredAt},"${properties}"\n`;
        }
      })(),
    );
    const start = performance.now();
    await pipeline(
      lines,
      connection.query(
        copyFrom(
          'COPY events (idempotency_key, client_id, type, occurred_at, properties) FROM STDIN (FORMAT csv)',
        ),
      ),
    );
    return (performance.now() - start) / 1000;
  } finally {
    await connection.end();
  }
}
