import { and, eq, events, sql, templates } from '@touchpoint/db';
import { SEGMENT_TRANSITION_TYPES } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENCE_MS } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';

const DAY_MS = 86_400_000;
// Seed 004's table: intervals between purchases #1…#8, and the running mean after #5, #6, #7, #8.
const INTERVALS = [90, 60, 30, 60, 90, 120, 150];
const MEANS_AFTER = [60, 66, 75, 600 / 7];

// The gallery's smart trigger, shortened: entering `overdue` sends the reminder.
const REMIND_WHEN_OVERDUE = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'segment', segment: 'overdue', on: 'enter' } } },
    { id: 'mail', kind: 'send', config: { channels: ['email'], templateId: 'remind' } },
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

describe("seed 004's smart trigger as the overdue segment", () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'seed-004-overdue' });
    await tp.database.db.insert(templates).values({
      key: 'remind',
      channel: 'email',
      name: 'Remind',
      subject: 'Time for more?',
      body: 'We miss you.',
    });
  }, PATIENCE_MS);

  afterAll(async () => {
    await tp?.stop();
  });

  const overdueEvents = async (type: string) =>
    tp.database.db
      .select({ occurredAt: events.occurredAt })
      .from(events)
      .where(and(eq(events.type, type), sql`${events.properties} ->> 'segment' = 'overdue'`));

  it(
    'enters overdue on the day the wait exceeds the mean, never before, and leaves it on the next purchase',
    async () => {
      const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
        name: 'Remind when overdue',
        definition: REMIND_WHEN_OVERDUE,
      });
      await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
      const granted = { status: 'granted', updatedAt: new Date().toISOString() };
      await tp.call('PUT', '/v1/clients/seed-004', {
        email: 'seed-004@example.com',
        consent: { email: granted },
      });
      // Purchases #1…#5 end now, so the purchase's own update classifies as of today.
      const times = [Date.now() - 60_000];
      for (const days of [...INTERVALS.slice(0, 4)].reverse()) times.unshift(times[0]! - days * DAY_MS);
      const post = (at: number, n: number) =>
        tp.call('POST', '/v1/purchases', {
          idempotencyKey: `seed-004-${n}`,
          clientId: 'seed-004',
          purchasedAt: new Date(at).toISOString(),
          value: 10,
        });
      await tp.call('POST', '/v1/purchases', {
        purchases: times.map((at, i) => ({
          idempotencyKey: `seed-004-${i + 1}`,
          clientId: 'seed-004',
          purchasedAt: new Date(at).toISOString(),
          value: 10,
        })),
      });
      let last = times.at(-1)!;
      for (const [round, mean] of MEANS_AFTER.entries()) {
        const firstDayOver = Math.floor(mean) + 1;
        for (let day = 1; day <= firstDayOver; day += 1) {
          await tp.call('POST', '/v1/segmentation/recompute', {
            asOf: new Date(last + day * DAY_MS).toISOString(),
          });
          const entered = await overdueEvents(SEGMENT_TRANSITION_TYPES.entered);
          expect(entered.length, `entries after purchase #${round + 5}, day ${day}`).toBe(
            round + (day === firstDayOver ? 1 : 0),
          );
        }
        // The first entry starts the journey (the reminder is mailed) through the router, like any event.
        if (round === 0) await tp.mailbox.waitForCount(1, PATIENCE_MS);
        const next = INTERVALS[round + 4];
        if (next === undefined) break;
        last += next * DAY_MS;
        await post(last, round + 6);
        expect(await overdueEvents(SEGMENT_TRANSITION_TYPES.left)).toHaveLength(round + 1);
      }
      const entered = await overdueEvents(SEGMENT_TRANSITION_TYPES.entered);
      expect(entered).toHaveLength(4);
    },
    PATIENCE_MS * 4,
  );
});
