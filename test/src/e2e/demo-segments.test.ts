import { rfmWinBack, SEGMENT_EVENT_TYPES, smartTriggerWinBack } from '@touchpoint/language';
import {
  and,
  clients,
  enrollments,
  eq,
  events,
  journeys,
  purchases,
  segmentMemberships,
  segments,
} from '@touchpoint/db';
import { DEMO_RFM_CUT_RULE } from '@touchpoint/engine/main/demo-content';
import { seedDemoData } from '@touchpoint/engine/main/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// `npm start`'s demo, on the product's own doors: the CDNOW customers are segmented as of now by the
// recompute after the import, and the gallery's win-backs start on their own from the transitions, each
// run begun by a `segment.entered` event, for exactly the clients an independent recount puts there.
const DAY_MS = 86_400_000;
const utcDay = (time: Date) => Math.floor(time.getTime() / DAY_MS);

interface Buyer {
  externalId: string;
  times: Date[];
  value: number;
}

/** Each CDNOW buyer's purchase times and total, read from the stored purchases (not from facts). */
async function readBuyers(tp: TestProduct): Promise<Buyer[]> {
  const rows = await tp.database.db
    .select({ externalId: clients.externalId, at: purchases.purchasedAt, value: purchases.value })
    .from(purchases)
    .innerJoin(clients, eq(clients.id, purchases.clientId));
  const byClient = new Map<string, Buyer>();
  for (const row of rows) {
    const buyer = byClient.get(row.externalId) ?? { externalId: row.externalId, times: [], value: 0 };
    buyer.times.push(row.at);
    buyer.value += Number(row.value);
    byClient.set(row.externalId, buyer);
  }
  for (const buyer of byClient.values()) buyer.times.sort((a, b) => a.getTime() - b.getTime());
  return [...byClient.values()];
}

/** Seed 004 recounted: ≥ 2 purchase days, and whole days since the last beyond the mean interval. */
function isOverdue(buyer: Buyer, asOf: Date): boolean {
  const firstOfDay = new Map<number, Date>();
  for (const time of buyer.times) if (!firstOfDay.has(utcDay(time))) firstOfDay.set(utcDay(time), time);
  const visits = [...firstOfDay.values()];
  if (visits.length < 2) return false;
  const meanDays = (visits.at(-1)!.getTime() - visits[0]!.getTime()) / DAY_MS / (visits.length - 1);
  return utcDay(asOf) - utcDay(buyer.times.at(-1)!) > meanDays;
}

/** The RFM cell recounted with the demo's declared thresholds ([low, high] each), 3 best. */
function rfmCells(buyers: readonly Buyer[], asOf: Date): Map<string, string> {
  const score = (value: number, [low, high]: readonly [number, number]) =>
    value <= low ? 1 : value <= high ? 2 : 3;
  const { recencyDays, purchaseCount, totalValue } = DEMO_RFM_CUT_RULE as Extract<
    typeof DEMO_RFM_CUT_RULE,
    { kind: 'fixed' }
  >;
  return new Map(
    buyers.map((b) => {
      const days = utcDay(asOf) - utcDay(b.times.at(-1)!);
      const value = Math.round(b.value * 100) / 100;
      const cell = `R${4 - score(days, recencyDays)}F${score(b.times.length, purchaseCount)}M${score(value, totalValue)}`;
      return [b.externalId, cell];
    }),
  );
}

/** The external ids of the members of a segment, as the recompute stored them. */
async function membersOf(tp: TestProduct, key: string): Promise<string[]> {
  const rows = await tp.database.db
    .select({ externalId: clients.externalId })
    .from(segmentMemberships)
    .innerJoin(segments, eq(segments.id, segmentMemberships.segmentId))
    .innerJoin(clients, eq(clients.id, segmentMemberships.clientId))
    .where(and(eq(segments.key, key), eq(segmentMemberships.isMember, true)));
  return rows.map((row) => row.externalId).sort();
}

/** A journey's enrollments: who, how, and the run's workflow id. */
function enrollmentRowsOf(tp: TestProduct, journeyName: string) {
  return tp.database.db
    .select({
      externalId: clients.externalId,
      source: enrollments.source,
      workflowId: enrollments.workflowId,
    })
    .from(enrollments)
    .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
    .innerJoin(clients, eq(clients.id, enrollments.clientId))
    .where(eq(journeys.name, journeyName));
}

/** The first event a run was started with (signal-with-start's signal, read from its Temporal history). */
async function entryEventOf(tp: TestProduct, workflowId: string): Promise<StartEvent | null> {
  const history = await tp.env.client.workflow.getHandle(workflowId).fetchHistory();
  const signal = history.events?.find(
    (e) => e.workflowExecutionSignaledEventAttributes,
  )?.workflowExecutionSignaledEventAttributes;
  const data = signal?.input?.payloads?.[0]?.data;
  if (!data) return null;
  return (JSON.parse(Buffer.from(data).toString('utf8')) as { events: StartEvent[] }).events[0] ?? null;
}

interface StartEvent {
  eventId: string;
  type: string;
  properties: Record<string, unknown>;
}

describe('the demo segments the CDNOW customers and the win-backs start on their own', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'demo-segments' });
    await seedDemoData({
      db: tp.database.db,
      app: tp.product.app!,
      adminKey: tp.adminKey,
      progress: () => undefined,
    });
    await waitUntilAllRouted(tp, 120_000);
  }, 300_000);

  afterAll(async () => {
    await tp?.stop();
  });

  it('enrolls exactly the overdue and the R1F3M3 customers, each run begun by its segment.entered', async () => {
    const transitions = await tp.database.db
      .select({ occurredAt: events.occurredAt })
      .from(events)
      .where(eq(events.type, SEGMENT_EVENT_TYPES.enter));
    expect(transitions.length).toBeGreaterThan(0);
    // Every transition of the recompute carries the moment it classified for.
    const asOfs = new Set(transitions.map((t) => t.occurredAt.toISOString()));
    expect(asOfs.size).toBe(1);
    const asOf = new Date([...asOfs][0]!);
    expect(Math.abs(asOf.getTime() - Date.now())).toBeLessThan(DAY_MS);

    const buyers = await readBuyers(tp);
    expect(buyers).toHaveLength(200);
    const cells = rfmCells(buyers, asOf);
    const expected = {
      overdue: buyers
        .filter((b) => isOverdue(b, asOf))
        .map((b) => b.externalId)
        .sort(),
      R1F3M3: buyers
        .filter((b) => cells.get(b.externalId) === 'R1F3M3')
        .map((b) => b.externalId)
        .sort(),
    };
    expect(await membersOf(tp, 'overdue')).toEqual(expected.overdue);
    expect(await membersOf(tp, 'R1F3M3')).toEqual(expected.R1F3M3);

    for (const [template, segment] of [
      [smartTriggerWinBack, 'overdue'],
      [rfmWinBack, 'R1F3M3'],
    ] as const) {
      const members = expected[segment];
      expect(members.length, segment).toBeGreaterThan(0);
      // The router has started the runs; each writes its enrollment row with its first bookkeeping.
      let enrolled = await enrollmentRowsOf(tp, template.name.en);
      await waitUntil(async () => {
        enrolled = await enrollmentRowsOf(tp, template.name.en);
        return enrolled.length >= members.length;
      }, 240_000).catch(() => undefined);
      expect(enrolled.map((e) => e.externalId).sort(), template.name.en).toEqual(members);
      for (const enrollment of enrolled) {
        expect(enrollment.source).toBe('event');
        const entryEvent = await entryEventOf(tp, enrollment.workflowId);
        expect(entryEvent, enrollment.externalId).toMatchObject({
          type: SEGMENT_EVENT_TYPES.enter,
          properties: { segment },
        });
        const [stored] = await tp.database.db
          .select({ type: events.type, source: events.source })
          .from(events)
          .where(eq(events.id, Number(entryEvent!.eventId)));
        expect(stored).toEqual({ type: SEGMENT_EVENT_TYPES.enter, source: 'segmentation' });
      }
    }
  }, 600_000);

  it('enrolls nobody by hand', async () => {
    const bySource = await tp.database.db.select({ source: enrollments.source }).from(enrollments);
    expect(bySource.filter((e) => e.source !== 'event')).toEqual([]);
  });
});
