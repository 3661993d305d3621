import { refreshClientFacts } from '../client-facts/refresh-client-facts';
import type { Executor } from '@touchpoint/db';
import { purchaseLines } from '@touchpoint/db';
import { purchases } from '@touchpoint/db';
import { chunksOf } from './chunks';
import { purchaseEventKey } from './internal-event-keys';
import { ensureClients } from './upsert-clients';
import { storeEvents } from './store-events';
import type { StoreEventsKnown, StoredEventOutcome } from './store-events';

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
  return (await storePurchasesOfBuyers(db, batch)).outcomes;
}

/** `storePurchases`, also answering the buyers' client ids (a purchase's segment update needs them). */
export async function storePurchasesOfBuyers(
  db: Executor,
  batch: readonly IncomingPurchase[],
  known: Pick<StoreEventsKnown, 'funnelTaxonomy'> = {},
): Promise<{ outcomes: StoredEventOutcome[]; buyerIds: string[] }> {
  if (batch.length === 0) return { outcomes: [], buyerIds: [] };
  const clientIds = await ensureClients(
    db,
    batch.map((p) => p.clientExternalId),
  );
  const unique = [...new Map(batch.map((p) => [p.idempotencyKey, p])).values()];
  const purchaseIds = new Map<string, string>();
  for (const chunk of chunksOf(unique)) {
    for (const row of await insertPurchases(db, chunk, clientIds))
      purchaseIds.set(row.idempotencyKey, row.id);
  }
  await insertLines(db, unique, purchaseIds);
  await refreshClientFacts(db, [...clientIds.values()]);
  const outcomes = await storeEvents(
    db,
    batch.map((p) => ({
      idempotencyKey: purchaseEventKey(p.idempotencyKey),
      clientExternalId: p.clientExternalId,
      type: PURCHASE_EVENT_TYPE,
      occurredAt: p.purchasedAt,
      properties: { value: p.value, currency: p.currency ?? 'USD', orderId: p.idempotencyKey },
      source: p.source ?? 'api',
    })),
    { ...known, clientIds },
  );
  return { outcomes, buyerIds: [...new Set(clientIds.values())] };
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
  for (const chunk of chunksOf(lines)) await db.insert(purchaseLines).values(chunk);
}

/** One multi-row insert of orders; orders already stored are skipped (and not returned). */
function insertPurchases(db: Executor, chunk: readonly IncomingPurchase[], clientIds: Map<string, string>) {
  return db
    .insert(purchases)
    .values(
      chunk.map((p) => ({
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
}
