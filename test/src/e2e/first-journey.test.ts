import { SEND_TASK_QUEUES } from '@touchpoint/activities';
import { asc, enrollments, eq, nodeVisits, templates } from '@touchpoint/db';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { PATIENCE_MS } from '../harness/patience';

// The first slice, end to end through the real parts: a journey created and published over HTTP, an
// event posted, the workflow run by a real worker on Temporal's time-skipping server (so "wait 2 days"
// takes milliseconds), the email received by a real SMTP server on loopback, the SMS by a real HTTP
// provider sandbox, and every node visit stored in PostgreSQL.
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
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'first-journey' });
    await tp.database.db.insert(templates).values([
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
    await tp?.stop();
  });

  it('emails on the event, waits two days, then texts, recording every node', async () => {
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Welcome', definition: WELCOME_JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const client = await tp.call('PUT', '/v1/clients/crm-42', {
      email: 'anna@example.com',
      phone: '+79161234567',
      timeZone: 'Europe/Moscow',
      attributes: { firstName: 'Anna' },
      consent: {
        email: { status: 'granted', updatedAt: new Date().toISOString() },
        sms: { status: 'granted', updatedAt: new Date().toISOString() },
      },
    });
    await tp.call('POST', '/v1/events', {
      idempotencyKey: 'signup-crm-42',
      clientId: 'crm-42',
      type: 'signed_up',
      occurredAt: new Date().toISOString(),
    });

    await tp.mailbox.waitForCount(1, PATIENCE_MS);
    // The product shows what it sent, to those holding a key: mail carries unsubscribe links.
    const shown = await tp.call<{ items: { subject: string }[] }>('GET', '/v1/sandbox/mail');
    expect(shown.items.map((item) => item.subject)).toEqual(['Welcome, Anna']);
    expect((await fetch(`${tp.apiUrl}/v1/sandbox/mail`)).status).toBe(401);
    const [mail] = tp.mailbox.listMessages();
    expect(mail?.to).toEqual(['anna@example.com']);
    expect(mail?.subject).toBe('Welcome, Anna');
    expect(tp.smsInbox.listMessages()).toHaveLength(0);

    // Awaiting the result lets the time-skipping server jump over the two-day wait.
    const workflowId = journeyWorkflowId(String(journey.id), String(client.id), null);
    await tp.env.client.workflow.getHandle(workflowId).result();
    const [sms] = tp.smsInbox.listMessages();
    expect(sms?.to).toBe('+79161234567');
    expect(sms?.body).toBe('Still thinking? Reply with questions.');
    expect(tp.mailbox.listMessages()).toHaveLength(1);

    // Each send ran on its channel's own queue, where the channel's rate limit applies.
    const history = await tp.env.client.workflow.getHandle(workflowId).fetchHistory();
    const sendQueues = (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((scheduled) => scheduled?.activityType?.name === 'sendMessage')
      .map((scheduled) => scheduled?.taskQueue?.name);
    expect(sendQueues).toEqual([SEND_TASK_QUEUES.email, SEND_TASK_QUEUES.sms]);

    const visits = await tp.database.db
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
