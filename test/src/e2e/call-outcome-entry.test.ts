import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { grantedConsent, readStats, readTimeline } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// An operator's outcome is a client event like any other: stored, then routed. So a journey that
// starts on `call.booking` starts for the client the operator booked, though no journey waits on
// that call and nothing but the call-tasks API ever saw the outcome.

const edge = (source: string, sourcePort: string, target: string) => ({
  id: `${source}-${sourcePort}`,
  source,
  sourcePort,
  target,
});

/** Calls the client once and leaves at once: nobody waits for the outcome. */
const CALL_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'call',
      kind: 'send',
      config: { channels: ['call'], templateId: 'call-script', quietHours: 'skip' },
    },
    { id: 'done', kind: 'exit', config: { reason: 'called' } },
  ],
  edges: [edge('entry', 'out', 'call'), edge('call', 'sent', 'done'), edge('call', 'unreachable', 'done')],
};

/** Starts on the operator's booking and waits a week before it says thank you. */
const BOOKED_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'call.booking' } } } },
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 7, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: { reason: 'thanked' } },
  ],
  edges: [edge('entry', 'out', 'pause'), edge('pause', 'out', 'done')],
};

describe('a call outcome takes the road of every client event', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'call-outcome-entry' });
    await tp.call('POST', '/v1/templates', {
      channel: 'call',
      key: 'call-script',
      name: 'Call',
      body: 'Hi.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  async function publish(name: string, definition: unknown): Promise<string> {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', { name, definition });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    return journey.id;
  }

  it('starts a journey whose entry is the outcome the operator records', async () => {
    const callJourneyId = await publish('Call', CALL_JOURNEY);
    const bookedJourneyId = await publish('Booked', BOOKED_JOURNEY);
    await tp.call('PUT', '/v1/clients/booked-client', { phone: '+79160000001', consent: grantedConsent() });
    await tp.call('POST', `/v1/journeys/${callJourneyId}/enrollments`, { clientIds: ['booked-client'] });

    let taskId: string | undefined;
    await waitUntil(async () => {
      const tasks = await tp.call<{ items: { id: string; client: { id: string } }[] }>(
        'GET',
        '/v1/call-tasks',
      );
      taskId = tasks.items.find((item) => item.client.id === 'booked-client')?.id;
      return taskId !== undefined;
    });
    expect((await readStats(tp, bookedJourneyId)).totals.enrolled).toBe(0);

    const done = await tp.call<{ journey: string }>('POST', `/v1/call-tasks/${taskId}/complete`, {
      outcome: 'booking',
    });
    // The call journey has already left: nobody waits on the call itself.
    expect(done.journey).toBe('workflowFinished');

    await waitUntil(async () => (await readStats(tp, bookedJourneyId)).totals.enrolled === 1);
    const timeline = await readTimeline(tp, 'booked-client');
    expect(timeline.some((item) => item.kind === 'enrollment' && item.journeyId === bookedJourneyId)).toBe(
      true,
    );

    // A repeated completion is the same event: it enters nobody a second time.
    await tp.call('POST', `/v1/call-tasks/${taskId}/complete`, { outcome: 'booking' });
    const events = await tp.call<{ items: { type: string; count: number }[] }>('GET', '/v1/event-types');
    expect(events.items.find((item) => item.type === 'call.booking')?.count).toBe(1);
    expect((await readStats(tp, bookedJourneyId)).totals.enrolled).toBe(1);
  });
});
