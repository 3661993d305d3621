import {
  clients,
  count,
  enrollments,
  eq,
  events,
  journeyTotals,
  journeyTotalsStripe,
  JOURNEY_TOTALS_STRIPES,
  sql,
} from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { ADMIN, SIGNUP_JOURNEY } from './api-fixture';
import { createRoutedApiFixture, sleepyJourney } from './routed-api-fixture';
import type { RoutedApiFixture } from './routed-api-fixture';

// The event_types rollup is kept by storeEvents, journey_totals by triggers on enrollments; after a
// burst of concurrent writes through the API, and after rows written around the product, they must
// equal a raw recount, or the journey list and the event pickers would drift from the truth.
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

/** Each stripe row against a recount of the enrollments whose id picks that stripe. */
async function stripesMatchEnrollments(journeyId: string) {
  const stored = await fixture.database.db
    .select({ stripe: journeyTotals.stripe, enrolled: journeyTotals.enrolled })
    .from(journeyTotals)
    .where(eq(journeyTotals.journeyId, journeyId));
  const rows = await fixture.database.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(eq(enrollments.journeyId, journeyId));
  const recounted = new Map<number, number>();
  for (const { id } of rows) {
    const stripe = journeyTotalsStripe(id);
    recounted.set(stripe, (recounted.get(stripe) ?? 0) + 1);
  }
  expect(stored.every((row) => row.stripe >= 0 && row.stripe < JOURNEY_TOTALS_STRIPES)).toBe(true);
  expect(new Map(stored.filter((r) => r.enrolled !== 0).map((r) => [r.stripe, r.enrolled]))).toEqual(
    recounted,
  );
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
    await stripesMatchEnrollments(sleepyId);
  });

  it('follow enrollments written around the product', async () => {
    const journeyId = await fixture.publish('rollup import', sleepyJourney('signup'));
    const [client] = await fixture.database.db
      .insert(clients)
      .values({ externalId: 'rollup-imported' })
      .returning({ id: clients.id });
    const db = fixture.database.db;
    // An import: rows inserted in one statement, then one finished and one removed by hand.
    const imported = await db
      .insert(enrollments)
      .values(
        ['a', 'b', 'c'].map((key) => ({
          journeyId,
          journeyVersion: 1,
          clientId: client!.id,
          enrollmentKey: key,
          workflowId: `rollup-import-${key}`,
          source: 'manual' as const,
          enteredAt: new Date(),
        })),
      )
      .returning({ id: enrollments.id });
    expect(await listedTotals(journeyId)).toEqual({ enrolled: 3, active: 3, converted: 0, failed: 0 });
    await db
      .update(enrollments)
      .set({ status: 'completed', exitReason: 'converted', exitedAt: new Date() })
      .where(eq(enrollments.id, imported[0]!.id));
    // Moves no status, so it counts nothing.
    await db.update(enrollments).set({ journeyVersion: 1 }).where(eq(enrollments.journeyId, journeyId));
    await db.delete(enrollments).where(eq(enrollments.id, imported[1]!.id));
    expect(await listedTotals(journeyId)).toEqual(await recountJourney(journeyId));
    expect(await listedTotals(journeyId)).toEqual({ enrolled: 2, active: 1, converted: 1, failed: 0 });
    await stripesMatchEnrollments(journeyId);
  });
});
