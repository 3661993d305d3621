import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { enrollmentJobs, enrollments, eq, isNotNull, and, openDatabase } from '@touchpoint/db';
import type { OpenDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { startProduct } from '@touchpoint/engine/main/start-product';
import type { RunningProduct } from '@touchpoint/engine/main/start-product';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/database';
import type { TestDatabase } from '../harness/database';
import { killFrozenChildren, runChildUntilFrozen } from '../harness/frozen-child';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { startJourneyWorker } from '../harness/start-journey-worker';

const CLIENT_COUNT = 300;
const CHUNK_SIZE = 40;
/** Two chunks recorded (80 rows), then 20 more runs started but unrecorded when the child dies. */
const STARTS_BEFORE_FREEZE = 100;
const RECORDED_BEFORE_KILL = 80;
const CHILD_SCRIPT = fileURLToPath(new URL('./fixtures/upload-then-die.ts', import.meta.url));
const ADMIN_KEY = 'tp_admin_csv-resume-test-key';

type ChildLine =
  | { stage: 'accepted'; journeyId: string; jobId: string; status: number }
  | { stage: 'frozen'; started: number };

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

/** Runs the child until its upload is accepted and its starts froze, then SIGKILLs it. */
function uploadThenKill(taskQueue: string): Promise<{ lines: ChildLine[]; signal: string | null }> {
  return runChildUntilFrozen<ChildLine>(CHILD_SCRIPT, {
    DATABASE_URL: testDatabase.url,
    TASK_QUEUE: taskQueue,
    CLIENT_COUNT: String(CLIENT_COUNT),
    CHUNK_SIZE: String(CHUNK_SIZE),
    STARTS_BEFORE_FREEZE: String(STARTS_BEFORE_FREEZE),
  });
}

const loadJob = async (jobId: string) =>
  (await database.db.select().from(enrollmentJobs).where(eq(enrollmentJobs.id, jobId)))[0]!;
const exitedEnrollments = (journeyId: string) =>
  database.db
    .select({ clientId: enrollments.clientId, workflowId: enrollments.workflowId })
    .from(enrollments)
    .where(and(eq(enrollments.journeyId, journeyId), isNotNull(enrollments.exitedAt)));

/** The product as `npm start` wires its API process (the worker runs apart, on this test's queue). */
async function restartApi(taskQueue: string, native: NativeConnection): Promise<RunningProduct> {
  return startProduct({
    config: loadConfig({ API_PORT: '0', TEMPORAL_TASK_QUEUE: taskQueue, SEGMENT_RECOMPUTE_CRON: 'off' }),
    db: database.db,
    adminKey: ADMIN_KEY,
    trackingSecret: 'csv-resume-tracking-secret',
    api: true,
    worker: false,
    temporal: { connection, client: new Client({ connection }), nativeConnection: native },
  });
}

describe('a CSV enrollment job whose API process is killed mid-job', () => {
  it(
    'is resumed by the next API process and enrolls every client exactly once',
    async () => {
      const taskQueue = `csv-killed-${randomUUID()}`;
      const { lines, signal } = await uploadThenKill(taskQueue);
      expect(signal).toBe('SIGKILL');
      const accepted = lines.find((line) => line.stage === 'accepted');
      expect(accepted).toMatchObject({ stage: 'accepted', status: 202 });
      expect(lines.find((line) => line.stage === 'frozen')).toEqual({
        stage: 'frozen',
        started: STARTS_BEFORE_FREEZE,
      });
      const { journeyId, jobId } = accepted?.stage === 'accepted' ? accepted : { journeyId: '', jobId: '' };

      // The dead process left the job half done: two chunks recorded, a third started but unrecorded.
      expect(await loadJob(jobId)).toMatchObject({
        status: 'running',
        total: CLIENT_COUNT,
        done: RECORDED_BEFORE_KILL,
        enrolled: RECORDED_BEFORE_KILL,
      });

      // Let the runs the dead process started finish first: a journey allowing re-entry after exit
      // would then take those clients again if the resumed job started them a second time.
      const native = await NativeConnection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
      const worker = await startJourneyWorker({ db: database.db, taskQueue, connection: native });
      let product: RunningProduct | null = null;
      try {
        // Every wait here is for a row the product is bound to write (a loaded machine writes it later,
        // a broken resume never); PATIENCE_MS only bounds how long a failure takes to say so.
        await waitUntil(
          async () => (await exitedEnrollments(journeyId)).length === STARTS_BEFORE_FREEZE,
          PATIENCE_MS,
          "the dead process's runs exited",
        );

        product = await restartApi(taskQueue, native);
        await waitUntil(async () => (await loadJob(jobId)).status !== 'running', PATIENCE_MS, 'job resumed');
        const response = await fetch(`${product.apiUrl}/v1/enrollment-jobs/${jobId}`, {
          headers: { authorization: `Bearer ${ADMIN_KEY}` },
        });
        expect(await response.json()).toMatchObject({
          status: 'completed',
          total: CLIENT_COUNT,
          done: CLIENT_COUNT,
          enrolled: CLIENT_COUNT,
          failed: 0,
          failures: [],
          error: null,
        });

        await waitUntil(
          async () => (await exitedEnrollments(journeyId)).length >= CLIENT_COUNT,
          PATIENCE_MS,
          'every run exited',
        );
      } finally {
        await product?.stop();
        await worker.stop();
        await native.close();
      }
      // Exactly once: one run per client (a second run after exit would have renamed the first `<id>#…`).
      const rows = await database.db
        .select({ clientId: enrollments.clientId, workflowId: enrollments.workflowId })
        .from(enrollments)
        .where(eq(enrollments.journeyId, journeyId));
      expect(rows).toHaveLength(CLIENT_COUNT);
      expect(new Set(rows.map((row) => row.clientId)).size).toBe(CLIENT_COUNT);
      expect(rows.filter((row) => row.workflowId.includes('#'))).toEqual([]);
    },
    4 * PATIENCE_MS,
  );
});
