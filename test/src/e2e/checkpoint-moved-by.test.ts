import { templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { waitUntil } from '../harness/patience';
import { grantedConsent, readTimeline, waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A checkpoint the CRM owns (a contract's end date) moves when the CRM says so with an event of its own
// choosing: the journey lists that event in `movedBy`, the router hands it to the waiting client, and
// the wait is re-timed to the new date instead of firing at the old one.
const DAY_MS = 86_400_000;

const RENEWAL_REMINDER = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'entry',
      kind: 'entry',
      config: { trigger: { kind: 'event', event: { type: 'contract.signed' } } },
    },
    {
      id: 'week-before-end',
      kind: 'wait',
      config: {
        mode: 'checkpoint',
        checkpoint: { source: 'attribute', attribute: 'contractEnd', movedBy: ['contract.changed'] },
        offset: { amount: -7, unit: 'days' },
        // A re-timed moment already past still gets its one reminder (no catch-up flood either way).
        pastCheckpoint: 'runNow',
      },
    },
    { id: 'remind', kind: 'send', config: { channels: ['email'], templateId: 'renewal' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'week-before-end' },
    { id: 'e2', source: 'week-before-end', sourcePort: 'out', target: 'remind' },
    { id: 'e3', source: 'remind', sourcePort: 'sent', target: 'done' },
    { id: 'e4', source: 'remind', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: {},
  layout: {},
};

/** Days each timer of the client's run was set for, oldest first (read from its Temporal history). */
async function timersOf(tp: TestProduct, workflowId: string): Promise<number[]> {
  // Until the router has started the run there is no history to read.
  const history = await tp.env.client.workflow
    .getHandle(workflowId)
    .fetchHistory()
    .catch(() => ({ events: [] }));
  return (history.events ?? []).flatMap((event) => {
    const timeout = event.timerStartedEventAttributes?.startToFireTimeout;
    return timeout ? [Number(timeout.seconds ?? 0) / 86_400] : [];
  });
}

describe('a checkpoint moved by a custom event', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'checkpoint-moved-by' });
    await tp.database.db.insert(templates).values({
      key: 'renewal',
      channel: 'email',
      name: 'Renewal',
      subject: 'Your contract ends next week',
      body: 'Renew now and keep your rate.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('reaches the waiting client and re-times its wait to the new date', async () => {
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Renewal reminder',
      definition: RENEWAL_REMINDER,
    });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
    const now = await tp.env.currentTimeMs();
    const client = (contractEnd: number) => ({
      email: 'tenant@example.com',
      attributes: { contractEnd: new Date(contractEnd).toISOString() },
      consent: grantedConsent(),
    });
    const { id: clientId } = await tp.call<{ id: string }>(
      'PUT',
      '/v1/clients/tenant',
      client(now + 90 * DAY_MS),
    );
    const workflowId = journeyWorkflowId(journey.id, clientId, null);
    const event = (key: string, type: string) => ({
      idempotencyKey: key,
      clientId: 'tenant',
      type,
      occurredAt: new Date(now).toISOString(),
    });
    await tp.call('POST', '/v1/events', event('signed', 'contract.signed'));
    // The wait is timed for the old date (83 days away) before the contract changes.
    await waitUntil(async () => (await timersOf(tp, workflowId)).length === 1, 30_000);
    expect(await timersOf(tp, workflowId)).toEqual([expect.closeTo(83, 0)]);

    // The contract is cut short: it now ends in 10 days, so the reminder is due in 3, not in 83.
    await tp.call('PUT', '/v1/clients/tenant', client(now + 10 * DAY_MS));
    await tp.call('POST', '/v1/events', event('changed', 'contract.changed'));
    await waitUntilAllRouted(tp);
    await waitUntil(async () => (await timersOf(tp, workflowId)).length === 2, 30_000);
    expect((await timersOf(tp, workflowId))[1]).toBeCloseTo(3, 0);
    await tp.env.sleep(5 * DAY_MS);

    await tp.mailbox.waitForCount(1, 30_000);
    expect(tp.mailbox.listMessages()[0]?.subject).toBe('Your contract ends next week');
    const timeline = await readTimeline(tp, 'tenant');
    expect(timeline.filter((entry) => entry.kind === 'message').map((entry) => entry.nodeId)).toEqual([
      'remind',
    ]);
  });
});
