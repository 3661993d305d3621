import { templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { PATIENCE_MS, waitUntil } from '../harness/patience';

// `afterExit` lets a client who left come back: the second enrollment runs under the same workflow id
// with its visits numbered from 0 again, and must send its own mail, not find the first one's.
const THANKS_ON_EVERY_VISIT = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'store.visited' } } } },
    { id: 'mail', kind: 'send', config: { channels: ['email'], templateId: 'thanks' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'mail' },
    { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'mail', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: { reentry: 'afterExit' },
  layout: {},
};

interface Totals {
  totals: { enrolled: number; active: number };
}

describe('re-entry after exit', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'reentry-after-exit' });
    await tp.database.db.insert(templates).values({
      key: 'thanks',
      channel: 'email',
      name: 'Thanks',
      subject: 'Thanks for {{ "visiting" }}',
      body: 'See you.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('sends the second enrollment its own mail', async () => {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Thanks for visiting',
      definition: THANKS_ON_EVERY_VISIT,
    });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    const granted = { status: 'granted', updatedAt: new Date().toISOString() };
    await tp.call('PUT', '/v1/clients/anna', { email: 'anna@example.com', consent: { email: granted } });
    const stats = () => tp.call<Totals>('GET', `/v1/journeys/${journey.id}/stats`);
    const visit = (n: number) =>
      tp.call('POST', '/v1/events', {
        events: [
          {
            idempotencyKey: `visit-${n}`,
            clientId: 'anna',
            type: 'store.visited',
            occurredAt: new Date().toISOString(),
          },
        ],
      });

    await visit(1);
    await tp.mailbox.waitForCount(1, PATIENCE_MS);
    await waitUntil(
      async () => (await stats()).totals.active === 0,
      PATIENCE_MS,
      'the first enrollment to end',
    );

    await visit(2);
    await tp.mailbox.waitForCount(2, PATIENCE_MS);
    await waitUntil(
      async () => (await stats()).totals.active === 0,
      PATIENCE_MS,
      'the second enrollment to end',
    );
    expect((await stats()).totals.enrolled).toBe(2);
    expect(tp.mailbox.listMessages().map((mail) => mail.to)).toEqual([
      ['anna@example.com'],
      ['anna@example.com'],
    ]);
  });
});
