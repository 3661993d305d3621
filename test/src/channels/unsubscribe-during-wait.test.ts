import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendActivities } from '@touchpoint/activities/send/index';
import { outboxKey } from '@touchpoint/domain';
import { createSmtpAdapter, DeliveryPolicy } from '@touchpoint/channels';
import { startSmtpSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox';
import { clients, messages, openDatabase, type Database } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { createTimeSkippingEnvironment } from '../harness/time-skipping';
import { seedClient, seedTemplates, TEMPLATE_KEY, TRACKING } from './send-fixtures';
import { PATIENCE_MS } from '../harness/patience';

let env: TestWorkflowEnvironment;
let testDb: TestDatabase;
let db: Database;
let closeDb: () => Promise<void>;
let smtp: SmtpSandbox;

beforeAll(async () => {
  [env, testDb, smtp] = await Promise.all([
    createTimeSkippingEnvironment(),
    createTestDatabase(),
    startSmtpSandbox(),
  ]);
  ({ db, close: closeDb } = openDatabase(testDb.url));
  await seedTemplates(db);
});

afterAll(async () => {
  await env?.teardown();
  await smtp?.stop();
  await closeDb?.();
  await testDb?.close();
});

describe('an unsubscribe during a wait', () => {
  it('stops the send after the wait and records why', async () => {
    const client = await seedClient(db);
    const email = createSmtpAdapter({
      host: smtp.host,
      port: smtp.port,
      ignoreTls: true,
      from: 'news@touchpoint.test',
      messageIdDomain: 'touchpoint.test',
    });
    const activities = createSendActivities({
      db,
      adapters: { email },
      policy: DeliveryPolicy.parse({}),
      tracking: TRACKING,
    });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'unsubscribe-wait',
      workflowsPath: fileURLToPath(new URL('./workflows/send-workflow.ts', import.meta.url)),
      activities,
    });
    const workflowId = `journey:reminders:client:${client.id}`;
    const statuses = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('sendWaitSendWorkflow', {
        taskQueue: 'unsubscribe-wait',
        workflowId,
        args: [
          {
            clientId: client.id,
            templateId: TEMPLATE_KEY,
            activityTaskQueue: 'unsubscribe-wait',
            waitDays: 5,
          },
        ],
      });
      // The first reminder arrives, then the client clicks "unsubscribe" while the journey sleeps.
      await smtp.waitForCount(1, PATIENCE_MS);
      await db
        .update(clients)
        .set({
          consent: {
            email: { status: 'denied', updatedAt: new Date().toISOString(), source: 'list-unsubscribe' },
          },
        })
        .where(eq(clients.id, client.id));
      return handle.result();
    });
    await email.close();
    expect(statuses).toEqual(['sent', 'skipped']);
    expect(smtp.listMessages()).toHaveLength(1);
    const [skipped] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey(`${workflowId}:2:stimulate`, 'email')));
    expect(skipped).toMatchObject({ status: 'skipped' });
    expect(skipped!.statusTimeline.at(-1)?.detail).toBe('opted-out: email consent denied');
  });
});
