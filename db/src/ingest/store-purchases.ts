import { refreshClientFacts } from '../client-facts/refresh-client-facts';
import type { Executor } from '../database';
import { purchaseLines } from '../schema/purchase-lines';
import { purchases } from '../schema/purchases';
import { ensureClients } from './upsert-clients';
import { storeEvents } from './store-events';
import type { StoredEventOutcome } from './store-events';

/** One product line of an incoming purchase. */
export interface IncomingPurchaseLine {
  sku: string;
  name?: string;
  quantity: number;
  unitPrice: number;
}

/** One incoming purchase (order). `idempotencyKey` is normally the order id. */
export interface IncomingPurchase {
  idempotencyKey: string;
  clientExternalId: string;
  purchasedAt: Date;
  value: number;
  currency?: string;
  itemCount?: number;
  lines?: IncomingPurchaseLine[];
  source?: string;
}

/** Event type recorded for every purchase, so journeys can enter, wait for or exit on it. */
export const PURCHASE_EVENT_TYPE = 'purchase';

/**
 * Stores purchases with their lines, refreshes the facts of every client touched (seed 004's smart
 * trigger) and records one `purchase` event per new purchase for the router, all in the caller's
 * transaction. Idempotent on the purchase key; the event key is `purchase:<key>`.
 */
export async function storePurchases(
  db: Executor,
  batch: readonly IncomingPurchase[],
): Promise<StoredEventOutcome[]> {
  if (batch.length === 0) return [];
  const clientIds = await ensureClients(
    db,
    batch.map((p) => p.clientExternalId),
  );
  const unique = [...new Map(batch.map((p) => [p.idempotencyKey, p])).values()];
  const inserted = await db
    .insert(purchases)
    .values(
      unique.map((p) => ({
        idempotencyKey: p.idempotencyKey,
        clientId: clientIds.get(p.clientExternalId)!,
        purchasedAt: p.purchasedAt,
        value: p.value,
        currency: p.currency ?? 'USD',
        itemCount: p.itemCount ?? p.lines?.reduce((n, l) => n + l.quantity, 0) ?? 1,
      })),
    )
    .onConflictDoNothing({ target: purchases.idempotencyKey })
    .returning({ id: purchases.id, idempotencyKey: purchases.idempotencyKey });
  await insertLines(db, unique, new Map(inserted.map((row) => [row.idempotencyKey, row.id])));
  await refreshClientFacts(db, [...clientIds.values()]);
  return storeEvents(
    db,
    batch.map((p) => ({
      idempotencyKey: `purchase:${p.idempotencyKey}`,
      clientExternalId: p.clientExternalId,
      type: PURCHASE_EVENT_TYPE,
      occurredAt: p.purchasedAt,
      properties: { value: p.value, currency: p.currency ?? 'USD', orderId: p.idempotencyKey },
      source: p.source ?? 'api',
    })),
  );
}

async function insertLines(
  db: Executor,
  batch: readonly IncomingPurchase[],
  purchaseIds: Map<string, string>,
): Promise<void> {
  const lines = batch.flatMap((p) => {
    const purchaseId = purchaseIds.get(p.idempotencyKey);
    return purchaseId === undefined ? [] : (p.lines ?? []).map((line) => ({ purchaseId, ...line }));
  });
  if (lines.length > 0) await db.insert(purchaseLines).values(lines);
}
