import { clients, eq, messages, templates, type MessageRow } from '@touchpoint/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { PATIENCE_MS } from '../harness/patience';
import { oneSendJourney } from '../harness/one-send-journey';

// An SMS becomes `delivered` (or `bounced`) the way it does in production: the provider sandbox
// posts its delivery receipts to the API's receipt routes on its own, and nothing in the test does.
const TEXT_ON_SIGNUP = oneSendJourney(
  { kind: 'event', event: { type: 'signed_up' } },
  { id: 'text', channels: ['sms'], templateId: 'hello', quietHours: 'skip' },
);

let tp: TestProduct | undefined;
afterEach(async () => {
  await tp?.stop();
  tp = undefined;
});

async function startWithJourney(name: string, env: Record<string, string>): Promise<TestProduct> {
  tp = await startTestProduct({ name, smsReceipts: true, env });
  await tp.database.db
    .insert(templates)
    .values({ key: 'hello', channel: 'sms', name: 'Hello', format: 'text', body: 'Welcome aboard.' });
  const journey = await tp.call('POST', '/v1/journeys', {
    name: 'Text on signup',
    definition: TEXT_ON_SIGNUP,
  });
  await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
  return tp;
}

async function signUp(product: TestProduct, externalId: string, phone: string): Promise<void> {
  const granted = { status: 'granted', updatedAt: new Date().toISOString() };
  await product.call('PUT', `/v1/clients/${externalId}`, {
    phone,
    timeZone: 'Europe/Moscow',
    consent: { sms: granted },
  });
  await product.call('POST', '/v1/events', {
    idempotencyKey: `signup-${externalId}`,
    clientId: externalId,
    type: 'signed_up',
    occurredAt: new Date().toISOString(),
  });
}

/** Polls the outbox row of this client's SMS until it reaches `status`. */
async function waitForSmsStatus(
  product: TestProduct,
  externalId: string,
  status: string,
): Promise<MessageRow> {
  const deadline = Date.now() + PATIENCE_MS;
  let last: MessageRow | undefined;
  while (Date.now() < deadline) {
    const [row] = await product.database.db
      .select({ message: messages })
      .from(messages)
      .innerJoin(clients, eq(clients.id, messages.clientId))
      .where(eq(clients.externalId, externalId));
    last = row?.message;
    if (last?.status === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sms of ${externalId} did not reach ${status}; last row: ${JSON.stringify(last)}`);
}

describe('SMS delivery receipts from the provider sandbox', () => {
  it('Twilio: signed status callbacks (verified by the API) make one SMS delivered and bounce an unknown number', async () => {
    const product = await startWithJourney('sms-dlr-twilio', { TWILIO_AUTH_TOKEN: 'e2e-twilio-token' });
    await signUp(product, 'dlr-anna', '+79161234567');
    await signUp(product, 'dlr-ghost', '+79160000404');

    const delivered = await waitForSmsStatus(product, 'dlr-anna', 'delivered');
    expect(delivered.statusTimeline.map((entry) => entry.status).slice(-2)).toEqual(['sent', 'delivered']);
    expect(delivered.statusTimeline.at(-1)?.detail).toBe('twilio receipt: delivered');
    const bounced = await waitForSmsStatus(product, 'dlr-ghost', 'bounced');
    expect(bounced.statusTimeline.at(-1)?.detail).toBe('twilio receipt: undelivered (30005)');

    // Every receipt was acknowledged on the first try: the API accepted each signature.
    await product.smsInbox.waitForReceiptCount(4, PATIENCE_MS);
    expect(product.smsInbox.listReceipts().map((receipt) => [receipt.outcome, receipt.attempts])).toEqual(
      Array.from({ length: 4 }, () => ['posted', 1]),
    );
  });

  it('SMS.ru: sms_status callbacks to the account callback URL make the SMS delivered', async () => {
    const product = await startWithJourney('sms-dlr-smsru', { SMS_PROVIDER: 'smsru' });
    await signUp(product, 'dlr-boris', '+79167654321');

    const delivered = await waitForSmsStatus(product, 'dlr-boris', 'delivered');
    const [sms] = product.smsInbox.listMessages();
    expect(sms?.provider).toBe('smsru');
    expect(delivered.providerMessageId).toBe(sms?.providerId);
    expect(delivered.statusTimeline.at(-1)?.detail).toBe('smsru receipt: status 103');
  });
});
