import { readFileSync } from 'node:fs';
import { clients, enrollments, eq, messages, templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { waitUntil } from '../harness/patience';
import { oneSendJourney } from '../harness/one-send-journey';

// Liquid's default root is the working directory: a send that could read files would text this one.
const KNOWN_FILE = 'package.json';
const KNOWN_TEXT = 'Open-source journey orchestration';

const TEXT_ON_SIGNUP = oneSendJourney(
  { kind: 'event', event: { type: 'signed_up' } },
  { id: 'text', channels: ['sms'], templateId: 'legacy', quietHours: 'skip' },
);

let tp: TestProduct;
beforeAll(async () => {
  expect(readFileSync(KNOWN_FILE, 'utf8')).toContain(KNOWN_TEXT);
  tp = await startTestProduct({ name: 'template-file-send' });
});
afterAll(async () => tp?.stop());

/**
 * Why the send of this client was refused, once it was: the outbox row's failure (a render error that
 * ends the run), or, while render errors are still retried, the last failure of the pending send.
 */
async function readRefusal(externalId: string): Promise<string | null> {
  const [row] = await tp.database.db
    .select({ workflowId: enrollments.workflowId, message: messages })
    .from(enrollments)
    .innerJoin(clients, eq(clients.id, enrollments.clientId))
    .leftJoin(messages, eq(messages.clientId, clients.id))
    .where(eq(clients.externalId, externalId));
  if (row === undefined) return null;
  const detail = row.message?.statusTimeline.at(-1)?.detail ?? '';
  if (row.message?.status === 'failed' && detail.includes('not allowed')) return detail;
  const description = await tp.env.client.workflow.getHandle(row.workflowId).describe();
  const failures = (description.raw.pendingActivities ?? []).map(
    (activity) => activity.lastFailure?.message ?? '',
  );
  return failures.find((message) => message.includes('not allowed')) ?? null;
}

describe('a send cannot read files either', () => {
  it('refuses a stored template that includes a file, and no SMS carries the file', async () => {
    // No request can store such a template any more; rows written by earlier versions still can exist.
    await tp.database.db.insert(templates).values({
      key: 'legacy',
      channel: 'sms',
      name: 'Legacy',
      format: 'text',
      body: `Your code: {% include '${KNOWN_FILE}' %}`,
    });
    const journey = await tp.call('POST', '/v1/journeys', {
      name: 'Legacy text',
      definition: TEXT_ON_SIGNUP,
    });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const granted = { status: 'granted', updatedAt: new Date().toISOString() };
    await tp.call('PUT', '/v1/clients/leaky', { phone: '+79161234567', consent: { sms: granted } });
    await tp.call('POST', '/v1/events', {
      idempotencyKey: 'signup-leaky',
      clientId: 'leaky',
      type: 'signed_up',
      occurredAt: new Date().toISOString(),
    });

    // With file access, the SMS would be in the sandbox with the file in it and this never comes.
    let refusal: string | null = null;
    await waitUntil(async () => {
      const leaked = tp.smsInbox.listMessages().find((sms) => sms.body.includes(KNOWN_TEXT));
      if (leaked) throw new Error(`the SMS carried ${KNOWN_FILE}: ${leaked.body.slice(0, 200)}`);
      return (refusal = await readRefusal('leaky')) !== null;
    }, 45_000);
    expect(refusal).toContain('the {% include %} tag is not allowed');
    expect(tp.smsInbox.listMessages()).toEqual([]);
  });
});
