import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { enrollments, eq, events, isNull, openDatabase } from '@touchpoint/db';
import type { OpenDatabase } from '@touchpoint/db';
import { createEventRouter, startRoutingSweeper } from '@touchpoint/engine/router/index';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/database';
import type { TestDatabase } from '../harness/database';
import { killFrozenChildren, runChildUntilFrozen } from '../harness/frozen-child';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { startJourneyWorker } from '../harness/start-journey-worker';

const EVENT_COUNT = 50;
/** Deliveries the child makes before its routing freezes: the kill lands after a partial delivery. */
const DELIVERIES_BEFORE_FREEZE = 7;
/** The dead process's claim on its events lapses after this; then the sweep takes them over. */
const CLAIM_LEASE_MS = 2_000;
const CHILD_SCRIPT = fileURLToPath(new URL('./fixtures/ingest-then-die.ts', import.meta.url));

type ChildLine =
  | { stage: 'stored'; journeyId: string; status: number; accepted: number }
  | { stage: 'frozen'; delivered: number; openTransactions: number };

let testDatabase: TestDatabase;
let database: OpenDatabase;
let connection: Connection;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = openDatabase(testDatabase.url);
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
});
afterAll(async () => {
  killFrozenChildren();
  await connection.close();
  await database.close();
  await testDatabase.close();
});

/** Runs the child until both its lines are out (or it dies first, or 20 s pass), then SIGKILLs it. */
function ingestThenKill(taskQueue: string): Promise<{ lines: ChildLine[]; signal: string | null }> {
  return runChildUntilFrozen<ChildLine>(CHILD_SCRIPT, {
    DATABASE_URL: testDatabase.url,
    TEMPORAL_ADDRESS: process.env['TEMPORAL_ADDRESS'],
    TASK_QUEUE: taskQueue,
    EVENT_COUNT: String(EVENT_COUNT),
    DELIVERIES_BEFORE_FREEZE: String(DELIVERIES_BEFORE_FREEZE),
    CLAIM_LEASE_MS: String(CLAIM_LEASE_MS),
  });
}

const unrouted = () => database.db.select({ id: events.id }).from(events).where(isNull(events.routedAt));

describe('a killed process between store and route', () => {
  it(
    'loses no event: the sweep of another process enrolls every client exactly once',
    async () => {
      const taskQueue = `killed-${randomUUID()}`;
      const { lines, signal } = await ingestThenKill(taskQueue);
      const stored = lines.find((l) => l.stage === 'stored');
      expect(stored).toMatchObject({ status: 202, accepted: EVENT_COUNT });
      // Frozen mid-call to Temporal, the router holds no transaction (nor its row locks) open.
      expect(lines.find((l) => l.stage === 'frozen')).toEqual({
        stage: 'frozen',
        delivered: DELIVERIES_BEFORE_FREEZE,
        openTransactions: 0,
      });
      expect(signal).toBe('SIGKILL');
      const journeyId = stored?.stage === 'stored' ? stored.journeyId : '';

      // The ack meant durable: every event is stored, and the dead process's routing never committed.
      expect(await database.db.select().from(events)).toHaveLength(EVENT_COUNT);
      expect(await unrouted()).toHaveLength(EVENT_COUNT);

      const worker = await startJourneyWorker({ db: database.db, taskQueue });
      const temporal = new Client({ connection });
      const sweeper = startRoutingSweeper({
        router: createEventRouter({ db: database.db, temporal, taskQueue }),
        intervalMs: 50,
        batchSize: 20,
      });
      try {
        await waitUntil(async () => (await unrouted()).length === 0, PATIENCE_MS);
        await waitUntil(
          async () =>
            (await database.db.select({ id: enrollments.id }).from(enrollments)).length >= EVENT_COUNT,
          PATIENCE_MS,
        );
      } finally {
        await sweeper.stop();
      }

      const clientIds = [
        ...new Set(
          (await database.db.select({ clientId: events.clientId }).from(events)).map((e) => e.clientId),
        ),
      ];
      expect(clientIds).toHaveLength(EVENT_COUNT);
      for (const clientId of clientIds) {
        const description = await temporal.workflow
          .getHandle(journeyWorkflowId(journeyId, clientId))
          .describe();
        expect(description.type).toBe('journeyWorkflow');
        expect(description.taskQueue).toBe(taskQueue);
      }
      await worker.stop();
      const rows = await database.db
        .select({ clientId: enrollments.clientId, workflowId: enrollments.workflowId })
        .from(enrollments)
        .where(eq(enrollments.journeyId, journeyId));
      expect(rows).toHaveLength(EVENT_COUNT);
      expect(new Set(rows.map((r) => r.workflowId))).toEqual(
        new Set(clientIds.map((clientId) => journeyWorkflowId(journeyId, clientId))),
      );
    },
    3 * PATIENCE_MS,
  ); // the child plus two waits, each bounded by PATIENCE_MS
});
