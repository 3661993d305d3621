import { asc, clients, eq, inArray, purchases } from '@touchpoint/db';
import { grantedConsent, waitUntilAllRouted } from '../harness/product-reads';
import type { TestProduct } from '../harness/test-product';

const DAY_MS = 86_400_000;

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

async function postOrders(tp: TestProduct, orders: readonly Order[]): Promise<void> {
  if (orders.length === 0) return;
  await tp.call('POST', '/v1/purchases', {
    purchases: orders.map(({ atMs: _atMs, ...order }) => order),
  });
  await waitUntilAllRouted(tp);
}

/**
 * The independent run a forecast is checked against: the same CDNOW clients entered for real on the
 * product's own time-skipping server, everything through the API. Each gets a twin (`live-<id>`)
 * with the same contact points, whose orders up to `startAt` are posted moved onto the server's
 * clock; the twins enroll; then the clock is moved to each later order's moment, where the order is
 * posted as a shop would post it, and on to the horizon.
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
  for (const [index, externalId] of externalIds.entries())
    await tp.call('PUT', `/v1/clients/${liveTwinOf(externalId)}`, contactProfile(index));
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
  for (const atMs of [...new Set(later.map((order) => order.atMs))]) {
    await moveTo(atMs);
    await postOrders(
      tp,
      later.filter((order) => order.atMs === atMs),
    );
  }
  await moveTo(horizonMs);
}
