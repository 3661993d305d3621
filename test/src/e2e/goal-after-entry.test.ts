import { JOURNEY_TEMPLATES } from '@touchpoint/builder';
import { offers, templates } from '@touchpoint/db';
import { DEMO_OFFERS, DEMO_TEMPLATES } from '@touchpoint/engine/main/demo-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { grantedConsent, readStats, readTimeline, waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// The event that enrolls a client never counts as the goal: a journey entered on a purchase whose goal
// is a purchase (the gallery's checkpoint escalation) sends its first rung and converts on the NEXT one,
// and the journey list, the canvas and the client's timeline tell the same story at every step.
const DAY_MS = 86_400_000;
const ESCALATION = JOURNEY_TEMPLATES.find((template) => template.id === 'checkpoint-escalation')!;

describe('the goal window starts after entry', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'goal-after-entry' });
    await tp.database.db.insert(templates).values(DEMO_TEMPLATES);
    await tp.database.db.insert(offers).values(DEMO_OFFERS);
  });

  afterAll(async () => {
    await tp?.stop();
  });

  const purchase = (key: string, at: number) => ({
    idempotencyKey: key,
    clientId: 'regular',
    purchasedAt: new Date(at).toISOString(),
    value: 25,
  });

  it('sends the escalation’s first rung on the entering purchase and converts on the next', async () => {
    await tp.call('PUT', '/v1/clients/regular', { email: 'regular@example.com', consent: grantedConsent() });
    // A purchase every two days before the journey exists: the checkpoint is two days after the last.
    const now = Date.now();
    await tp.call('POST', '/v1/purchases', {
      purchases: [purchase('order-1', now - 4 * DAY_MS), purchase('order-2', now - 2 * DAY_MS)],
    });
    await waitUntilAllRouted(tp);
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: ESCALATION.name.en,
      definition: ESCALATION.definition,
    });
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});

    await tp.call('POST', '/v1/purchases', purchase('order-3', now));
    await tp.mailbox.waitForCount(1, 30_000);
    expect(tp.mailbox.listMessages()[0]?.subject).toBe('Time for new music?');
    const waiting = await readStats(tp, journey.id);
    expect(waiting.totals).toMatchObject({ enrolled: 1, active: 1, converted: 0 });
    expect(waiting.nodes.ladder).toMatchObject({ entered: 1, sent: 1, converted: 0 });
    let timeline = await readTimeline(tp, 'regular');
    expect(timeline.filter((entry) => entry.kind === 'message').map((entry) => entry.nodeId)).toEqual([
      'ladder/remind/send',
    ]);
    expect(timeline.some((entry) => entry.kind === 'exit')).toBe(false);

    await tp.call('POST', '/v1/purchases', purchase('order-4', now + 60_000));
    await waitUntil(async () => (await readStats(tp, journey.id)).totals.converted === 1, 30_000);
    const converted = await readStats(tp, journey.id);
    expect(converted.totals).toMatchObject({ enrolled: 1, active: 0, converted: 1 });
    expect(converted.nodes.ladder).toMatchObject({ entered: 1, sent: 1, converted: 1 });
    timeline = await readTimeline(tp, 'regular');
    const exits = timeline.filter((entry) => entry.kind === 'exit');
    expect(exits.map((entry) => [entry.status, entry.reason])).toEqual([['completed', 'converted']]);
    expect(tp.mailbox.listMessages()).toHaveLength(1);
  });

  it('warns, and still publishes, when only the entry event could meet the goal', async () => {
    const definition = {
      ...ESCALATION.definition,
      settings: { ...ESCALATION.definition.settings, reentry: 'concurrent' },
    };
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Every purchase',
      definition,
    });
    const checked = await tp.call<{ problems: unknown[]; warnings: { code: string; message: string }[] }>(
      'POST',
      `/v1/journeys/${journey.id}/validate`,
      {},
    );
    expect(checked.problems).toEqual([]);
    expect(checked.warnings).toEqual([
      expect.objectContaining({ nodeId: null, code: 'goalOnlyByEntryEvent', severity: 'warning' }),
    ]);
    expect(checked.warnings[0]?.message).toContain('settings.reentry');
    await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});

    const template = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'As shipped',
      definition: ESCALATION.definition,
    });
    const shipped = await tp.call<{ warnings: unknown[] }>(
      'POST',
      `/v1/journeys/${template.id}/validate`,
      {},
    );
    expect(shipped.warnings).toEqual([]);
  });
});
