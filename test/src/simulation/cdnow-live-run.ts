import { asc, clients, enrollments, eq, inArray, purchases } from '@touchpoint/db';
import { settleDueTimers } from '@touchpoint/engine/simulation/forecast/settle-due-timers';
import { waitForQuietRuns } from '@touchpoint/engine/simulation/forecast/wait-for-quiet-runs';
import { mapWithLimit } from '@touchpoint/engine/temporal/map-with-limit';
import { grantedConsent, waitUntilAllRouted } from '../harness/product-reads';
import type { TestProduct } from '../harness/test-product';

const DAY_MS = 86_400_000;
/** Twins written at once: the enrollment route's own width, enough to overlap the round trips. */
const PUT_CONCURRENCY = 16;

/** A client's contact points, so every channel of the journey can reach them. */
export function contactProfile(index: number) {
  return {
    email: `client${index}@example.com`,
    phone: `+1555${String(1_000_000 + index).slice(1)}`,
    consent: grantedConsent(),
  };
}

/** The twin the live run uses for a CDNOW client (the original keeps its full history). */
export const liveTwinOf = (externalId: string) => `live-${externalId}`;

interface Order {
  idempotencyKey: string;
  clientId: string;
  purchasedAt: string;
  value: number;
  /** Ms after the start of the run (≤ 0: history the client brings). */
  atMs: number;
}

/**
 * Posts one moment's orders in one request and waits until they are routed, before the clock moves.
 * First the buyers' runs take in the timers due at this moment, as the forecast does (settleDueTimers).
 */
async function postOrders(tp: TestProduct, orders: readonly Order[]): Promise<void> {
  if (orders.length === 0) return;
  await settleDueTimers(
    tp.env.client,
    tp.database.db,
    orders.map((order) => order.clientId),
  );
  await tp.call('POST', '/v1/purchases', {
    purchases: orders.map(({ atMs: _atMs, ...order }) => order),
  });
  await waitUntilAllRouted(tp);
}

/** Orders grouped by their moment, in time order: one clock move and one routing wait per moment. */
function groupByMoment(orders: readonly Order[]): Order[][] {
  const byMoment = new Map<number, Order[]>();
  for (const order of orders) byMoment.set(order.atMs, [...(byMoment.get(order.atMs) ?? []), order]);
  return [...byMoment.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/**
 * The independent run a forecast is checked against: the same CDNOW clients entered for real on the
 * product's own time-skipping server, everything through the API. Each gets a twin (`live-<id>`)
 * with the same contact points, whose orders up to `startAt` are posted moved onto the server's
 * clock; the twins enroll; then the clock is moved to each later order's moment, where the orders of
 * that moment are posted as a shop would post them, and on to the horizon. It returns once every run
 * is quiet there (no activity in flight), as a forecast reads its figures only then.
 *
 * The wall-clock cost is the runs' own work, above all the 200 enrollments' first steps; the test
 * adds one round (clock move, one POST, one routing wait) per distinct order moment. CDNOW orders are
 * dated by day, so that is one round per day with orders (35 in the first 60 days), never one per order.
 * Measured (200 clients, 60 days): 27 s idle, of which 18 s is the first clock move (the enrollment
 * burst) and 3 s the 36 POST + routing rounds; 65 s under `stress-ng --cpu 2`, 47 s of it the burst.
 */
export async function runCdnowClientsLive(
  tp: TestProduct,
  journeyId: string,
  externalIds: readonly string[],
  clock: { startAt: Date; horizonDays: number },
): Promise<void> {
  const realStartMs = clock.startAt.getTime();
  const startMs = await tp.env.currentTimeMs();
  const rows = await tp.database.db
    .select({ externalId: clients.externalId, order: purchases })
    .from(purchases)
    .innerJoin(clients, eq(clients.id, purchases.clientId))
    .where(inArray(clients.externalId, [...externalIds]))
    .orderBy(asc(purchases.purchasedAt), asc(purchases.idempotencyKey));
  const orders: Order[] = rows.map(({ externalId, order }) => ({
    idempotencyKey: `live-${order.idempotencyKey}`,
    clientId: liveTwinOf(externalId),
    purchasedAt: new Date(order.purchasedAt.getTime() - realStartMs + startMs).toISOString(),
    value: order.value,
    atMs: order.purchasedAt.getTime() - realStartMs,
  }));
  await mapWithLimit([...externalIds.entries()], PUT_CONCURRENCY, ([index, externalId]) =>
    tp.call('PUT', `/v1/clients/${liveTwinOf(externalId)}`, contactProfile(index)),
  );
  await postOrders(
    tp,
    orders.filter((order) => order.atMs <= 0),
  );
  await tp.call('POST', `/v1/journeys/${journeyId}/enrollments`, { clientIds: externalIds.map(liveTwinOf) });
  const horizonMs = clock.horizonDays * DAY_MS;
  const later = orders.filter((order) => order.atMs > 0 && order.atMs <= horizonMs);
  const moveTo = async (atMs: number) => {
    const behindMs = startMs + atMs - (await tp.env.currentTimeMs());
    if (behindMs > 0) await tp.env.sleep(behindMs);
  };
  for (const group of groupByMoment(later)) {
    await moveTo(group[0]!.atMs);
    await postOrders(tp, group);
  }
  await moveTo(horizonMs);
  // The horizon's last timers started sends that may still be running: wait for them, not for time.
  const runs = await tp.database.db.select({ workflowId: enrollments.workflowId }).from(enrollments);
  await waitForQuietRuns(
    tp.env.client,
    runs.map((run) => run.workflowId),
  );
}
