import { SEND_TASK_QUEUES } from '@touchpoint/activities';
import { asc, messages, templates } from '@touchpoint/db';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { PATIENCE_MS } from '../harness/patience';
import { oneSendJourney } from '../harness/one-send-journey';

// A send node with the fallback order email -> SMS, for clients whose email cannot be used. The SMS
// must leave from the SMS queue (whose worker carries the SMS provider's rate limit), not from the
// email queue the send started on: the email activity hands the visit over instead of sending.
const FALLBACK_JOURNEY = oneSendJourney(
  { kind: 'event', event: { type: 'signed_up' } },
  { id: 'welcome', channels: ['email', 'sms'], templateId: 'welcome', quietHours: 'skip' },
);

describe('a fallback send runs on its own channel queue', () => {
  let tp: TestProduct;
  let journeyId = '';

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'fallback-queue' });
    await tp.database.db.insert(templates).values([
      { key: 'welcome', channel: 'email', name: 'Welcome', format: 'text', subject: 'Hi', body: 'Welcome.' },
      { key: 'welcome', channel: 'sms', name: 'Welcome', format: 'text', body: 'Welcome by text.' },
    ]);
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Welcome', definition: FALLBACK_JOURNEY });
    journeyId = String(journey.id);
    await tp.call('POST', `/v1/journeys/${journeyId}/publish`, {});
  });

  afterAll(async () => {
    await tp?.stop();
  });

  /** Signs the client up and waits for its run to end; returns the run's workflow id. */
  async function runFor(externalId: string, email: string, emailConsent: 'granted' | 'denied') {
    const updatedAt = new Date().toISOString();
    const client = await tp.call('PUT', `/v1/clients/${externalId}`, {
      email,
      phone: '+79160000001',
      consent: { email: { status: emailConsent, updatedAt }, sms: { status: 'granted', updatedAt } },
    });
    await tp.call('POST', '/v1/events', {
      idempotencyKey: `signup-${externalId}`,
      clientId: externalId,
      type: 'signed_up',
      occurredAt: updatedAt,
    });
    const workflowId = journeyWorkflowId(journeyId, String(client.id), null);
    await expect.poll(() => describeRun(workflowId), { timeout: PATIENCE_MS }).toBe('found');
    await tp.env.client.workflow.getHandle(workflowId).result();
    return workflowId;
  }

  async function describeRun(workflowId: string): Promise<'found' | 'missing'> {
    try {
      await tp.env.client.workflow.getHandle(workflowId).describe();
      return 'found';
    } catch {
      return 'missing';
    }
  }

  async function sendQueuesOf(workflowId: string): Promise<(string | null | undefined)[]> {
    const history = await tp.env.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((scheduled) => scheduled?.activityType?.name === 'sendMessage')
      .map((scheduled) => scheduled?.taskQueue?.name);
  }

  async function outboxOf(workflowId: string) {
    const rows = await tp.database.db
      .select({ channel: messages.channel, status: messages.status, key: messages.idempotencyKey })
      .from(messages)
      .orderBy(asc(messages.createdAt));
    return rows
      .filter((row) => row.key.startsWith(`${workflowId}:`))
      .map(({ channel, status }) => ({ channel, status }));
  }

  it('sends the SMS from the SMS queue when email consent was withdrawn', async () => {
    const workflowId = await runFor('no-email-consent', 'nina@example.com', 'denied');

    const sms = tp.smsInbox.listMessages().filter((message) => message.to === '+79160000001');
    expect(sms.map((message) => message.body)).toEqual(['Welcome by text.']);
    expect(tp.mailbox.listMessages()).toHaveLength(0);
    expect(await sendQueuesOf(workflowId)).toEqual([SEND_TASK_QUEUES.email, SEND_TASK_QUEUES.sms]);
    // The email queue only handed over: it left no email row claiming a send or a skip.
    expect(await outboxOf(workflowId)).toEqual([{ channel: 'sms', status: 'sent' }]);
  });

  it('sends the SMS from the SMS queue after the email address hard-bounces', async () => {
    const before = tp.smsInbox.listMessages().length;
    const workflowId = await runFor('bouncing-email', 'bounce-hard@example.com', 'granted');

    expect(
      tp.smsInbox
        .listMessages()
        .slice(before)
        .map((message) => message.body),
    ).toEqual(['Welcome by text.']);
    expect(await sendQueuesOf(workflowId)).toEqual([SEND_TASK_QUEUES.email, SEND_TASK_QUEUES.sms]);
    expect(await outboxOf(workflowId)).toEqual([
      { channel: 'email', status: 'bounced' },
      { channel: 'sms', status: 'sent' },
    ]);
  });
});
