import { templates } from '@touchpoint/db';
import { SEGMENT_EVENT_TYPES } from '@touchpoint/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { PATIENCE_MS } from '../harness/patience';

// Moving between RFM cells is itself an event that can start a journey: a client entering R1F3M3
// (frequent, high value, long gone) gets the win-back mail; a client entering another cell does not.
const WIN_BACK_ON_ENTERING_R1F3M3 = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'segment', segment: 'R1F3M3', on: 'enter' } } },
    { id: 'mail', kind: 'send', config: { channels: ['email'], templateId: 'win-back' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'mail' },
    { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'mail', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: {},
  layout: {},
};

describe('segment entry', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'segment-entry' });
    await tp.database.db.insert(templates).values({
      key: 'win-back',
      channel: 'email',
      name: 'Win-back',
      subject: 'We kept your favourites',
      body: 'Come back for 10% off.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('starts the journey for a client entering the segment, and only that segment', async () => {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'R1F3M3 win-back',
      definition: WIN_BACK_ON_ENTERING_R1F3M3,
    });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    const granted = { status: 'granted', updatedAt: new Date().toISOString() };
    for (const id of ['gone-vip', 'other-cell']) {
      await tp.call('PUT', `/v1/clients/${id}`, { email: `${id}@example.com`, consent: { email: granted } });
    }
    const occurredAt = new Date().toISOString();
    await tp.call('POST', '/v1/events', {
      events: [
        {
          idempotencyKey: 'seg-1',
          clientId: 'other-cell',
          type: SEGMENT_EVENT_TYPES.enter,
          occurredAt,
          properties: { segment: 'R3F3M3' },
        },
        {
          idempotencyKey: 'seg-2',
          clientId: 'gone-vip',
          type: SEGMENT_EVENT_TYPES.enter,
          occurredAt,
          properties: { segment: 'R1F3M3' },
        },
      ],
    });

    await tp.mailbox.waitForCount(1, PATIENCE_MS);
    const stats = await tp.call<{ totals: { enrolled: number } }>('GET', `/v1/journeys/${journey.id}/stats`);
    expect(stats.totals.enrolled).toBe(1);
    expect(tp.mailbox.listMessages().map((mail) => mail.to)).toEqual([['gone-vip@example.com']]);
  });
});
