import { SEND_TASK_QUEUES } from '@touchpoint/activities';
import { asc, enrollments, eq, nodeVisits } from '@touchpoint/db';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertWelcomeTemplates,
  signUpEvent,
  WELCOME_JOURNEY,
  welcomeClient,
} from '../harness/first-journey-story';
import { PATIENCE_MS } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// The first slice, end to end through the real parts: a journey created and published over HTTP, an
// event posted, the workflow run by a real worker on Temporal's time-skipping server (so "wait 2 days"
// takes milliseconds), the email received by a real SMTP server on loopback, the SMS by a real HTTP
// provider sandbox, and every node visit stored in PostgreSQL.
describe('a first journey, end to end', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'first-journey' });
    await insertWelcomeTemplates(tp.database.db);
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('emails on the event, waits two days, then texts, recording every node', async () => {
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Welcome', definition: WELCOME_JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const client = await tp.call('PUT', '/v1/clients/crm-42', welcomeClient({ email: 'anna@example.com' }));
    await tp.call('POST', '/v1/events', signUpEvent('crm-42'));

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
