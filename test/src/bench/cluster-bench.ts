// The scale path's benchmark: the same product on the dev server and on a production Temporal server
// (4 history shards, PostgreSQL persistence and visibility), same run, same machine. Events/s is the
// time from the first POST until every event is routed; enrollments/s until every enrolled journey
// (entry -> exit) has finished. Both servers are CPU-bound on a small machine: compare the ratio.
import { and, count, enrollments, eq, events, isNull, openDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { startProduct } from '@touchpoint/engine/main/start-product';
import { createTestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { startPostgresCluster } from '../harness/postgres-cluster';
import { startTemporalCluster } from '../harness/temporal-cluster';

const ADMIN_KEY = 'tp_admin_cluster-bench-key';
const ENTRY_EXIT = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signed_up' } } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
  settings: {},
  layout: {},
};

export interface ClusterBenchSide {
  eventsPerSecond: number;
  enrollmentsPerSecond: number;
}

async function measureOn(address: string, clients: number, label: string): Promise<ClusterBenchSide> {
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url, { maxConnections: 40 });
  const config = loadConfig({
    DATABASE_URL: testDb.url,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: `cluster-bench-${label}-${Date.now()}`,
    API_PORT: '0',
    LOG_LEVEL: 'error',
  });
  const product = await startProduct({
    config,
    db: database.db,
    adminKey: ADMIN_KEY,
    trackingSecret: 'cluster-bench-tracking-secret',
    api: true,
    worker: true,
  });
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${product.apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id?: string };
  };
  try {
    const journey = await call('/v1/journeys', { name: 'bench', definition: ENTRY_EXIT });
    await call(`/v1/journeys/${String(journey.id)}/publish`, {});
    const started = performance.now();
    for (let start = 0; start < clients; start += 100) {
      const batch = Array.from({ length: Math.min(100, clients - start) }, (_, i) => ({
        idempotencyKey: `${label}-${start + i}`,
        clientId: `${label}-client-${start + i}`,
        type: 'signed_up',
        occurredAt: new Date().toISOString(),
      }));
      await call('/v1/events', { events: batch });
    }
    const patience = 30 * 60_000;
    await waitUntil(
      async () =>
        (await database.db.select({ n: count() }).from(events).where(isNull(events.routedAt)))[0]?.n === 0,
      patience,
      'all events routed',
    );
    const routedSeconds = (performance.now() - started) / 1000;
    await waitUntil(
      async () =>
        (
          await database.db
            .select({ n: count() })
            .from(enrollments)
            .where(and(eq(enrollments.journeyId, String(journey.id)), eq(enrollments.status, 'completed')))
        )[0]?.n === clients,
      patience,
      'all enrollments completed',
    );
    const finishedSeconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: clients / routedSeconds, enrollmentsPerSecond: clients / finishedSeconds };
  } finally {
    await product.stop();
    await database.close();
    await testDb.close();
  }
}

/** Runs under the benchmark's global setup (its dev server is TEMPORAL_ADDRESS). */
export async function runClusterBenchmark(
  clients = 300,
): Promise<{ dev: ClusterBenchSide; production: ClusterBenchSide }> {
  const dev = await measureOn(process.env.TEMPORAL_ADDRESS ?? '', clients, 'dev');
  const postgres = await startPostgresCluster();
  const cluster = await startTemporalCluster(postgres, { shards: 4 });
  try {
    return { dev, production: await measureOn(cluster.address, clients, 'production') };
  } finally {
    await cluster.stop();
    await postgres.stop();
  }
}
