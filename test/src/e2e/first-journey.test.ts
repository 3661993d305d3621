import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEND_TASK_QUEUES } from '@touchpoint/activities';
import {
  DeliveryPolicy,
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels';
import { asc, enrollments, eq, nodeVisits, openDatabase, templates, type OpenDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { startProduct, type RunningProduct } from '@touchpoint/engine/main/start-product';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { createTimeSkippingEnvironment } from '../harness/time-skipping';

// The first slice, end to end through the real parts: a journey created and published over HTTP, an
// event posted, the workflow run by a real worker on Temporal's time-skipping server (so "wait 2 days"
// takes milliseconds), the email received by a real SMTP server on loopback, the SMS by a real HTTP
// provider sandbox, and every node visit stored in PostgreSQL.
const ADMIN_KEY = 'tp_admin_first-journey-test-key';
const WELCOME_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signed_up' } } } },
    {
      id: 'welcome-email',
      kind: 'send',
      config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
    },
    { id: 'two-days', kind: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
    { id: 'nudge-sms', kind: 'send', config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome-email' },
    { id: 'e2', source: 'welcome-email', sourcePort: 'sent', target: 'two-days' },
    { id: 'e3', source: 'two-days', sourcePort: 'out', target: 'nudge-sms' },
    { id: 'e4', source: 'nudge-sms', sourcePort: 'sent', target: 'done' },
    { id: 'e5', source: 'welcome-email', sourcePort: 'unreachable', target: 'not-reachable' },
    { id: 'e6', source: 'nudge-sms', sourcePort: 'unreachable', target: 'not-reachable' },
  ],
  settings: {},
  layout: {},
};

describe('a first journey, end to end', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let env: TestWorkflowEnvironment;
  let mailbox: SmtpSandbox;
  let smsInbox: SmsSandbox;
  let product: RunningProduct;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    [env, mailbox, smsInbox] = await Promise.all([
      createTimeSkippingEnvironment(),
      startSmtpSandbox(),
      startSmsSandbox(),
    ]);
    const config = loadConfig({
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      SMS_API_URL: smsInbox.baseUrl,
      API_PORT: '0',
      TEMPORAL_TASK_QUEUE: `first-journey-${Date.now()}`,
    });
    product = await startProduct({
      config,
      db: database.db,
      adminKey: ADMIN_KEY,
      trackingSecret: 'first-journey-tracking-secret',
      api: true,
      worker: true,
      temporal: { connection: env.connection, client: env.client, nativeConnection: env.nativeConnection },
      // No quiet hours or caps: this test is about the path, not the policy, and must pass at any hour.
      deliveryPolicy: DeliveryPolicy.parse({}),
    });
    await database.db.insert(templates).values([
      {
        key: 'welcome',
        channel: 'email',
        name: 'Welcome',
        format: 'text',
        subject: 'Welcome, {{ client.firstName }}',
        body: 'Glad you are here.',
      },
      {
        key: 'nudge',
        channel: 'sms',
        name: 'Nudge',
        format: 'text',
        body: 'Still thinking? Reply with questions.',
      },
    ]);
  });

  afterAll(async () => {
    await product?.stop();
    await Promise.all([env?.teardown(), mailbox?.stop(), smsInbox?.stop()]);
    await database?.close();
    await testDb?.close();
  });

  async function call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    const response = await fetch(`${product.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${path} -> ${response.status} ${text}`).toBe(true);
    return JSON.parse(text) as Record<string, unknown>;
  }

  it('emails on the event, waits two days, then texts, recording every node', async () => {
    const journey = await call('POST', '/v1/journeys', { name: 'Welcome', definition: WELCOME_JOURNEY });
    await call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const client = await call('PUT', '/v1/clients/crm-42', {
      email: 'anna@example.com',
      phone: '+79161234567',
      timeZone: 'Europe/Moscow',
      attributes: { firstName: 'Anna' },
      consent: {
        email: { status: 'granted', updatedAt: new Date().toISOString() },
        sms: { status: 'granted', updatedAt: new Date().toISOString() },
      },
    });
    await call('POST', '/v1/events', {
      idempotencyKey: 'signup-crm-42',
      clientId: 'crm-42',
      type: 'signed_up',
      occurredAt: new Date().toISOString(),
    });

    await mailbox.waitForCount(1, 30_000);
    const [mail] = mailbox.listMessages();
    expect(mail?.to).toEqual(['anna@example.com']);
    expect(mail?.subject).toBe('Welcome, Anna');
    expect(smsInbox.listMessages()).toHaveLength(0);

    // Awaiting the result lets the time-skipping server jump over the two-day wait.
    const workflowId = journeyWorkflowId(String(journey.id), String(client.id), null);
    await env.client.workflow.getHandle(workflowId).result();
    const [sms] = smsInbox.listMessages();
    expect(sms?.to).toBe('+79161234567');
    expect(sms?.body).toBe('Still thinking? Reply with questions.');
    expect(mailbox.listMessages()).toHaveLength(1);

    // Each send ran on its channel's own queue, where the channel's rate limit applies.
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    const sendQueues = (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((scheduled) => scheduled?.activityType?.name === 'sendMessage')
      .map((scheduled) => scheduled?.taskQueue?.name);
    expect(sendQueues).toEqual([SEND_TASK_QUEUES.email, SEND_TASK_QUEUES.sms]);

    const visits = await database.db
      .select({ nodeId: nodeVisits.nodeId, outcome: nodeVisits.outcome })
      .from(nodeVisits)
      .innerJoin(enrollments, eq(enrollments.id, nodeVisits.enrollmentId))
      .where(eq(enrollments.workflowId, workflowId))
      .orderBy(asc(nodeVisits.visitSeq));
    expect(visits.map((visit) => visit.nodeId)).toEqual([
      'entry',
      'welcome-email',
      'two-days',
      'nudge-sms',
      'done',
    ]);
  });
});
