import { JOURNEY_TEMPLATES, type JourneyTemplate } from '@touchpoint/builder';
import { offers, templates } from '@touchpoint/db';
import { SEGMENT_EVENT_TYPES } from '@touchpoint/language';
import { DEMO_OFFERS, DEMO_TEMPLATES } from '@touchpoint/engine/main/demo-content';
import { demoClientProfile, demoSignupEvent } from '@touchpoint/engine/main/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { readTimeline, waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A newcomer opens each gallery journey, publishes it on the demo's catalog and watches a demo client
// go in the way the journey says (the demo's own sign-up, a purchase, a segment change, an abandoned
// booking): every one of them sends its first message to the loopback sandboxes.
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How a client gets into one gallery journey, and where its first message lands. */
interface Enrollment {
  /** Runs before any journey is published (history that must not enroll anyone). */
  before?: (tp: TestProduct, clientId: string) => Promise<void>;
  enter: (tp: TestProduct, clientId: string) => Promise<void>;
  /** Time the journey waits before its first send (skipped on the time-skipping server). */
  firstSendAfterMs?: number;
  channel: 'email' | 'sms';
}

const event = (clientId: string, type: string, properties: Record<string, unknown> = {}) => ({
  idempotencyKey: `${type}-${clientId}`,
  clientId,
  type,
  occurredAt: new Date().toISOString(),
  properties,
});
const purchase = (clientId: string, key: string, at: number) => ({
  idempotencyKey: `${clientId}-${key}`,
  clientId,
  purchasedAt: new Date(at).toISOString(),
  value: 12,
});
const enterSegment = (segment: string) => async (tp: TestProduct, clientId: string) => {
  await tp.call('POST', '/v1/events', event(clientId, SEGMENT_EVENT_TYPES.enter, { segment }));
};

// Keyed by template id: a template added to the gallery without saying how a client enters fails below.
const ENROLLMENTS: Record<string, Enrollment> = {
  'smart-trigger-win-back': { enter: enterSegment('overdue'), channel: 'email' },
  'checkpoint-escalation': {
    // A purchase every two days: the next is expected in two, so the "3 days before" rung is due.
    before: async (tp, clientId) => {
      const now = Date.now();
      await tp.call('POST', '/v1/purchases', {
        purchases: [purchase(clientId, 'a', now - 4 * DAY_MS), purchase(clientId, 'b', now - 2 * DAY_MS)],
      });
    },
    enter: (tp, clientId) => tp.call('POST', '/v1/purchases', purchase(clientId, 'c', Date.now())),
    channel: 'email',
  },
  'welcome-series': {
    enter: (tp, clientId) => tp.call('POST', '/v1/events', demoSignupEvent(clientId)),
    channel: 'email',
  },
  'abandoned-booking-call': {
    enter: (tp, clientId) => tp.call('POST', '/v1/events', event(clientId, 'booking.abandoned')),
    firstSendAfterMs: HOUR_MS,
    channel: 'email',
  },
  // Reads no email lately (a new client), so the offer goes by SMS.
  'rfm-r1f3m3-win-back': { enter: enterSegment('R1F3M3'), channel: 'sms' },
};

describe('every gallery journey on the demo catalog', () => {
  let tp: TestProduct;
  const clientIdOf = (template: JourneyTemplate) => `demo-${template.id}`;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'gallery-first-message' });
    await tp.database.db.insert(templates).values(DEMO_TEMPLATES);
    await tp.database.db.insert(offers).values(DEMO_OFFERS);
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('says how a demo client enters each gallery journey', () => {
    expect(Object.keys(ENROLLMENTS).sort()).toEqual(JOURNEY_TEMPLATES.map((t) => t.id).sort());
  });

  it('publishes each one, enrolls a demo client through its entry, and sends its first message', async () => {
    for (const [index, template] of JOURNEY_TEMPLATES.entries()) {
      const clientId = clientIdOf(template);
      await tp.call('PUT', `/v1/clients/${clientId}`, demoClientProfile(clientId, index + 1));
      await ENROLLMENTS[template.id]?.before?.(tp, clientId);
    }
    await waitUntilAllRouted(tp);
    const journeyIds = new Map<string, string>();
    for (const template of JOURNEY_TEMPLATES) {
      const created = await tp.call<{ id: string }>('POST', '/v1/journeys', {
        name: template.name.en,
        definition: template.definition,
      });
      await tp.call('POST', `/v1/journeys/${created.id}/publish`, {});
      journeyIds.set(template.id, created.id);
    }
    for (const template of JOURNEY_TEMPLATES) await ENROLLMENTS[template.id]!.enter(tp, clientIdOf(template));
    await waitUntilAllRouted(tp);
    const longestWait = Math.max(...Object.values(ENROLLMENTS).map((e) => e.firstSendAfterMs ?? 0));
    if (longestWait > 0) await tp.env.sleep(longestWait + 60_000);

    for (const [index, template] of JOURNEY_TEMPLATES.entries()) {
      const clientId = clientIdOf(template);
      const profile = demoClientProfile(clientId, index + 1);
      const { channel } = ENROLLMENTS[template.id]!;
      const received = () =>
        channel === 'email'
          ? tp.mailbox.listMessages().filter((mail) => mail.to.includes(profile.email))
          : tp.smsInbox.listMessages().filter((sms) => sms.to === profile.phone);
      await waitUntil(async () => received().length > 0, 30_000).catch(() => undefined);
      const timeline = await readTimeline(tp, clientId);
      const sent = timeline.filter((entry) => entry.kind === 'message' && entry.status !== 'failed');
      expect(received(), `${template.id}: ${JSON.stringify(timeline)}`).toHaveLength(1);
      expect(sent.map((entry) => entry.journeyId)).toEqual([journeyIds.get(template.id)]);
    }
  });
});
