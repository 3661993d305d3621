import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { audienceRuns, clients, count, countDistinct, enrollments, eq, openDatabase } from '@touchpoint/db';
import type { AudienceRunRow, Database } from '@touchpoint/db';
import { journeyScheduleId, syncJourneySchedule } from '@touchpoint/engine/temporal/journey-schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { insertPublishedJourney } from '../harness/published-journey';
import { spawnJourneyWorker } from '../harness/spawn-journey-worker';

/** Three pages: small pages keep the run short while the kill still lands between them. */
const PAGE_SIZE = 50;
const MEMBERS = 3 * PAGE_SIZE;
/** Kill once this many members are through: the first page done, two to go. */
const KILL_AFTER = PAGE_SIZE;
const SEGMENT = 'R1F1M1';

// entry -> exit with re-entry after exit: a member whose run already finished may enter again, so an
// attempt that started its audience over would enroll them twice. Only resuming from the heartbeated
// cursor (and looking up the page that was in flight) keeps it to once.
const SCHEDULED = {
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

let testDb: TestDatabase;
let db: Database;
let closeDb: () => Promise<void>;
let connection: Connection;
const workers: ChildProcess[] = [];
const taskQueue = `audience-crash-${randomUUID()}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ db, close: closeDb } = openDatabase(testDb.url));
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
});

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await connection?.close();
  await closeDb?.();
  await testDb?.close();
});

async function startWorker(): Promise<ChildProcess> {
  const worker = await spawnJourneyWorker({
    DATABASE_URL: testDb.url,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
    JOURNEY_TASK_QUEUE: taskQueue,
    AUDIENCE_PAGE_SIZE: String(PAGE_SIZE),
  });
  workers.push(worker);
  return worker;
}

async function seedAudience(): Promise<void> {
  for (let start = 0; start < MEMBERS; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, MEMBERS - start) }, (_, i) => ({
      externalId: `audience-${start + i}`,
      attributes: { rfmCell: SEGMENT },
    }));
    await db.insert(clients).values(rows);
  }
  // Outside the segment: must not be enrolled.
  await db.insert(clients).values([{ externalId: 'outsider', attributes: { rfmCell: 'R3F3M3' } }]);
}

async function latestRun(journeyId: string): Promise<AudienceRunRow | undefined> {
  const [run] = await db.select().from(audienceRuns).where(eq(audienceRuns.journeyId, journeyId));
  return run;
}

describe('a worker killed with SIGKILL in the middle of a scheduled audience', () => {
  it(
    `enrolls each of ${MEMBERS} members exactly once after another worker resumes it`,
    { timeout: 900_000 },
    async () => {
      await seedAudience();
      const journeyId = await insertPublishedJourney(db, SCHEDULED, 'scheduled audience');
      const temporal = new Client({ connection });
      await syncJourneySchedule({ client: temporal, journeyId, taskQueue, definition: SCHEDULED as never });
      const schedule = temporal.schedule.getHandle(journeyScheduleId(journeyId));

      const first = await startWorker();
      await schedule.trigger();
      await waitUntil(
        async () => ((await latestRun(journeyId))?.members ?? 0) >= KILL_AFTER,
        undefined,
        'first pages',
      );
      first.kill('SIGKILL');
      const atKill = (await latestRun(journeyId))!;
      expect(atKill.members).toBeLessThan(MEMBERS); // the kill really landed midway
      expect(atKill.status).toBe('running');

      await startWorker();
      await waitUntil(
        async () => (await latestRun(journeyId))?.status === 'completed',
        400_000,
        'the run resumed and done',
      );
      const run = (await latestRun(journeyId))!;
      await waitUntil(
        async () =>
          (await db.select({ n: count() }).from(enrollments).where(eq(enrollments.journeyId, journeyId)))[0]!
            .n >= MEMBERS,
        400_000,
        'every started run recorded its enrollment',
      );
      await schedule.delete();

      const [tally] = await db
        .select({ rows: count(), clients: countDistinct(enrollments.clientId) })
        .from(enrollments)
        .where(eq(enrollments.journeyId, journeyId));
      console.info(
        `audience crash test: ${atKill.members} members through when killed; resumed by attempt ${run.attempts}; ` +
          `${run.started} started, ${run.alreadyRunning} found already running`,
      );
      expect(run.attempts).toBeGreaterThan(1);
      expect(run.members).toBe(MEMBERS);
      expect(run.started + run.alreadyRunning).toBe(MEMBERS);
      expect(tally).toEqual({ rows: MEMBERS, clients: MEMBERS });
    },
  );
});
