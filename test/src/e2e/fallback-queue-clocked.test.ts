import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities, SEND_TASK_QUEUES } from '@touchpoint/activities';
import { DeliveryPolicy } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { eq, messages, openDatabase, type OpenDatabase } from '@touchpoint/db';
import { startWorkers, type RunningWorkers } from '@touchpoint/engine/main/run-workers';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { createStartJourney } from '@touchpoint/engine/temporal/start-journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxAdapters, seedClient, seedTemplates, TRACKING } from '../channels/send-fixtures';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';
import { createTimeSkippingEnvironment } from '../harness/time-skipping';
import { PATIENCE_MS } from '../harness/patience';
import { oneSendJourney } from '../harness/one-send-journey';

const DAY_MS = 86_400_000;
const TEMPLATE = 'deferral-fallback';

// Hand-offs that depend on the clock, so the activities read the test's clock (quiet hours and caps
// must not depend on when the suite runs); the workflow's timers run on the time-skipping server.
// Policy: quiet hours on SMS only, and at most one email per hour.
const POLICY = DeliveryPolicy.parse({
  quietHours: { sms: { start: '21:00', end: '09:00' } },
  channelCaps: { email: [{ max: 1, windowHours: 1 }] },
});

const FALLBACK_JOURNEY = oneSendJourney(
  { kind: 'manual' },
  { id: 'notify', channels: ['email', 'sms'], templateId: TEMPLATE, quietHours: 'defer' },
);

describe('fallback sends under a test clock', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let env: TestWorkflowEnvironment;
  let smtp: SmtpSandbox;
  let sms: SmsSandbox;
  let workers: RunningWorkers;
  const taskQueue = `deferral-${randomUUID()}`;
  // 23:00 UTC the day after tomorrow: inside quiet hours, and later than the test server's clock so
  // the workflow's sleep until 09:00 is a real timer the server can skip.
  const quietNight = new Date(Math.floor(Date.now() / DAY_MS + 2) * DAY_MS + 23 * 3_600_000);
  let clock: () => Date = () => quietNight;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    [env, smtp, sms] = await Promise.all([
      createTimeSkippingEnvironment(),
      startSmtpSandbox(),
      startSmsSandbox(),
    ]);
    await seedTemplates(database.db, TEMPLATE);
    const activities = createActivities({
      db: database.db,
      startJourney: createStartJourney({
        db: database.db,
        client: env.client,
        taskQueue,
        useSearchAttributes: false,
      }),
      adapters: createSandboxAdapters(smtp, sms),
      policy: POLICY,
      tracking: TRACKING,
      now: () => clock(),
    });
    workers = await startWorkers({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      activities,
    });
  });

  afterAll(async () => {
    await workers?.shutdown();
    await env?.teardown();
    await Promise.all([smtp?.stop(), sms?.stop()]);
    await database?.close();
    await testDb?.close();
  });

  // Email consent withdrawn, `defer` mode: the email queue decides "SMS, but not before 09:00",
  // sleeps, asks again on the same queue, and only then hands the send over to the SMS queue.
  it('waits on the queue that deferred, then sends the SMS from the SMS queue', async () => {
    const at = new Date().toISOString();
    const client = await seedClient(database.db, {
      timeZone: 'UTC',
      consent: { email: { status: 'denied', updatedAt: at }, sms: { status: 'granted', updatedAt: at } },
    });
    const handle = await enroll(client.id);

    // Polling the database (not the workflow) leaves the server's clock alone while the run sleeps.
    const statuses = async () =>
      (
        await database.db
          .select({ status: messages.status })
          .from(messages)
          .where(eq(messages.clientId, client.id))
      ).map((row) => row.status);
    await expect.poll(statuses, { timeout: PATIENCE_MS }).toEqual(['deferred']);
    expect(sms.listMessages()).toHaveLength(0);

    const morning = new Date(quietNight.getTime() + 10 * 3_600_000 + 60_000);
    clock = () => morning;
    await handle.result();

    expect(sms.listMessages().map((message) => message.to)).toEqual(['+79991234567']);
    expect(smtp.listMessages()).toHaveLength(0);
    expect(await statuses()).toEqual(['sent']);
    expect(await sendQueuesOf(handle)).toEqual([
      SEND_TASK_QUEUES.email,
      SEND_TASK_QUEUES.email,
      SEND_TASK_QUEUES.sms,
    ]);
  });

  // A decision that flips on every read (email capped, then free again an hour after the last email)
  // would pass the visit between the queues forever: the client leaves by `unreachable` instead.
  it('leaves by unreachable, sending nothing, when the queues keep handing the visit back', async () => {
    const client = await seedClient(database.db, { timeZone: 'UTC' });
    const afternoon = quietNight.getTime() - 10 * 3_600_000;
    await database.db.insert(messages).values({
      idempotencyKey: `earlier-${client.id}#email`,
      clientId: client.id,
      channel: 'email',
      status: 'sent',
      sentAt: new Date(afternoon - 45 * 60_000),
    });
    // The activity reads its clock once per decision: capped (SMS), free (email), capped (SMS)…
    let reads = 0;
    clock = () => new Date(afternoon + (reads++ % 2) * 30 * 60_000);
    const before = { mail: smtp.listMessages().length, sms: sms.listMessages().length };
    const handle = await enroll(client.id);

    const result = await handle.result();
    expect(result.path).toEqual(['entry', 'notify', 'not-reachable']);
    expect(await sendQueuesOf(handle)).toEqual([
      SEND_TASK_QUEUES.email,
      SEND_TASK_QUEUES.sms,
      SEND_TASK_QUEUES.email,
    ]);
    expect({ mail: smtp.listMessages().length, sms: sms.listMessages().length }).toEqual(before);
  });

  async function enroll(clientId: string) {
    const journeyId = await insertPublishedJourney(database.db, FALLBACK_JOURNEY);
    return enrollClient(env.client, {
      journeyId,
      journeyVersion: 1,
      clientId,
      definition: FALLBACK_JOURNEY,
      reentry: 'once',
      source: 'manual',
      taskQueue,
      sendTaskQueues: SEND_TASK_QUEUES,
      useSearchAttributes: false,
    });
  }

  async function sendQueuesOf(handle: Awaited<ReturnType<typeof enrollClient>>) {
    const history = await handle.fetchHistory();
    return (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((scheduled) => scheduled?.activityType?.name === 'sendMessage')
      .map((scheduled) => scheduled?.taskQueue?.name);
  }
});
