import { templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedConsent, readTimeline } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// The deepest step of the funnel comes from the CRM: a `deal.closed` posted like any other event is a
// `deal` funnel action, claimed by the last message the client got within the deal's window.
const JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    { id: 'offer', kind: 'send', config: { channels: ['email'], templateId: 'offer' } },
    { id: 'week', kind: 'wait', config: { mode: 'duration', duration: { amount: 7, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'offer' },
    { id: 'e2', source: 'offer', sourcePort: 'sent', target: 'week' },
    { id: 'e3', source: 'offer', sourcePort: 'unreachable', target: 'done' },
    { id: 'e4', source: 'week', sourcePort: 'out', target: 'done' },
  ],
  settings: {},
  layout: {},
};

describe('a deal closed in the CRM', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'deal-funnel-action' });
    await tp.database.db.insert(templates).values({
      key: 'offer',
      channel: 'email',
      name: 'Offer',
      subject: 'An offer for you',
      body: 'Talk to us this week.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  const deal = (clientId: string) => ({
    idempotencyKey: `deal-${clientId}`,
    clientId,
    type: 'deal.closed',
    occurredAt: new Date().toISOString(),
    properties: { value: 1200 },
  });
  const funnelOf = async (clientId: string) =>
    (await readTimeline(tp, clientId)).filter((entry) => entry.kind === 'funnelAction');

  it('becomes a deal action attributed to the message that claims it, once', async () => {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Offer',
      definition: JOURNEY,
    });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    await tp.call('PUT', '/v1/clients/buyer', { email: 'buyer@example.com', consent: grantedConsent() });
    await tp.call('POST', '/v1/events', {
      idempotencyKey: 'signup-buyer',
      clientId: 'buyer',
      type: 'signup',
      occurredAt: new Date().toISOString(),
    });
    await tp.mailbox.waitForCount(1, 30_000);
    const [message] = (await readTimeline(tp, 'buyer')).filter((entry) => entry.kind === 'message');

    // Sent twice (a CRM retry): one event, one action.
    await tp.call('POST', '/v1/events', deal('buyer'));
    await tp.call('POST', '/v1/events', deal('buyer'));
    const actions = await funnelOf('buyer');
    expect(actions).toEqual([
      expect.objectContaining({
        outcome: 'deal',
        journeyId: journey.id,
        nodeId: 'offer',
        messageId: message?.messageId,
        enrollmentId: message?.enrollmentId,
      }),
    ]);
  });

  it('is recorded unattributed for a client no message reached', async () => {
    await tp.call('PUT', '/v1/clients/walk-in', { email: 'walk-in@example.com' });
    await tp.call('POST', '/v1/events', deal('walk-in'));
    expect(await funnelOf('walk-in')).toEqual([
      expect.objectContaining({ outcome: 'deal', journeyId: null, messageId: null }),
    ]);
  });
});
