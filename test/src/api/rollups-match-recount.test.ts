import { count, enrollments, eq, events, sql } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { ADMIN, SIGNUP_JOURNEY } from './api-fixture';
import { createRoutedApiFixture, sleepyJourney } from './routed-api-fixture';
import type { RoutedApiFixture } from './routed-api-fixture';

// The event_types and journey_totals rollups are kept by the writes themselves (storeEvents, the
// enrollment bookkeeping); after a burst of concurrent writes through the API they must equal a raw
// recount, or the journey list and the event pickers would drift from the truth.
let fixture: RoutedApiFixture;
beforeAll(async () => {
  fixture = await createRoutedApiFixture();
});
afterAll(async () => {
  await fixture?.close();
});

const CLIENTS = 120;
const TYPES = ['signup', 'page.viewed', 'email.opened', 'cart.updated'];

function burstBatch(batch: number) {
  return Array.from({ length: 100 }, (_, i) => {
    const n = batch * 100 + i;
    return {
      idempotencyKey: `rollup-${n}`,
      clientId: `rollup-client-${n % CLIENTS}`,
      type: TYPES[n % TYPES.length]!,
      occurredAt: new Date(Date.UTC(2026, 0, 1 + (n % 28), n % 24)).toISOString(),
    };
  });
}

async function get(url: string) {
  const response = await fixture.app.inject({ method: 'GET', url, headers: ADMIN });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function recountEventTypes() {
  const rows = await fixture.database.db
    .select({
      type: events.type,
      count: count(),
      lastOccurredAt: sql<string>`max(${events.occurredAt})`.mapWith(events.occurredAt),
    })
    .from(events)
    .groupBy(events.type)
    .orderBy(events.type);
  return rows.map((row) => ({ ...row, lastOccurredAt: row.lastOccurredAt.toISOString() }));
}

async function recountJourney(journeyId: string) {
  const [row] = await fixture.database.db
    .select({
      enrolled: count(),
      active: sql<number>`count(*) filter (where ${enrollments.status} = 'active')`.mapWith(Number),
      converted:
        sql<number>`count(*) filter (where ${enrollments.status} = 'completed' and ${enrollments.exitReason} = 'converted')`.mapWith(
          Number,
        ),
      failed: sql<number>`count(*) filter (where ${enrollments.status} = 'failed')`.mapWith(Number),
    })
    .from(enrollments)
    .where(eq(enrollments.journeyId, journeyId));
  return row!;
}

async function listedTotals(journeyId: string) {
  const page = await get('/v1/journeys?limit=200');
  return page.items.find((item: { id: string }) => item.id === journeyId)?.totals;
}

describe('rollups after a burst of writes through the API', () => {
  it('equal a raw recount of events and enrollments', { timeout: 180_000 }, async () => {
    const instantId = await fixture.publish('rollup instant', SIGNUP_JOURNEY);
    const sleepyId = await fixture.publish('rollup sleepy', sleepyJourney('signup'));
    // Eight batches at once (plus one retried), so the rollup rows are upserted concurrently.
    const batches = Array.from({ length: 8 }, (_, batch) => burstBatch(batch));
    await Promise.all([...batches, batches[3]!].map((batch) => fixture.postEvents(batch)));

    const signedUp = CLIENTS / TYPES.length;
    await waitUntil(
      async () =>
        (await recountJourney(sleepyId)).enrolled === signedUp && (await fixture.countUnrouted()) === 0,
      undefined,
      'every signup enrolled',
    );
    // Half of the sleeping clients buy: the goal converts them while others stay active.
    const buyers = Array.from({ length: signedUp / 2 }, (_, i) => ({
      idempotencyKey: `rollup-buy-${i}`,
      clientId: `rollup-client-${i * TYPES.length}`,
      type: 'purchase',
      occurredAt: new Date().toISOString(),
    }));
    await fixture.postEvents(buyers);
    await waitUntil(
      async () => (await recountJourney(sleepyId)).converted === signedUp / 2,
      undefined,
      'the buyers converted',
    );
    await waitUntil(
      async () => (await recountJourney(instantId)).active === 0,
      undefined,
      'the instant journey finished',
    );

    expect((await get('/v1/event-types')).items).toEqual(await recountEventTypes());
    const eventTypeTotal = (await get('/v1/event-types')).items.reduce(
      (sum: number, item: { count: number }) => sum + item.count,
      0,
    );
    expect(eventTypeTotal).toBe(800 + signedUp / 2); // the retried batch added nothing
    for (const journeyId of [instantId, sleepyId]) {
      expect(await listedTotals(journeyId)).toEqual(await recountJourney(journeyId));
    }
    expect(await listedTotals(sleepyId)).toEqual({
      enrolled: signedUp,
      active: signedUp / 2,
      converted: signedUp / 2,
      failed: 0,
    });
  });
});
