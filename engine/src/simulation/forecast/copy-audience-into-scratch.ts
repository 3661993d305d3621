import { asc, clients, inArray, purchases, type ClientRow, type Database } from '@touchpoint/db';
import { storePurchases, type IncomingPurchase } from '@touchpoint/domain';

/** Rows per insert: PGlite takes large statements, but a bounded one keeps memory flat at 2,000 clients. */
const CHUNK = 500;

/** A real purchase of the audience after the start, moved onto the simulated clock. */
export interface ReplayedPurchase extends IncomingPurchase {
  /** Simulated ms after the start of the run. */
  atMs: number;
}

export interface CopiedAudience {
  /** External id by scratch (= real) client id. */
  externalIds: Map<string, string>;
  /** Purchases after the start, oldest first (empty unless asked for). */
  replay: ReplayedPurchase[];
}

function chunked<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) chunks.push(rows.slice(start, start + CHUNK));
  return chunks;
}

/**
 * Copies the audience into the scratch database as it stood at `realStart`: each client's row, and
 * their purchases up to then moved by `shiftMs` onto the simulated clock, stored through the API's own
 * `storePurchases` so their facts (last purchase, mean interval, expected next purchase) are what the
 * live product would have computed on that day. Purchases after `realStart` and before the horizon
 * are returned, moved the same way, for the run to replay at their moments.
 */
export async function copyAudienceIntoScratch(
  real: Database,
  scratch: Database,
  audience: readonly ClientRow[],
  clock: { realStartMs: number; shiftMs: number; horizonMs: number },
): Promise<CopiedAudience> {
  const externalIds = new Map(audience.map((client) => [client.id, client.externalId]));
  for (const chunk of chunked(audience)) await scratch.insert(clients).values(chunk);
  const bought = (
    await Promise.all(
      chunked([...externalIds.keys()]).map((ids) =>
        real
          .select()
          .from(purchases)
          .where(inArray(purchases.clientId, ids))
          .orderBy(asc(purchases.purchasedAt), asc(purchases.idempotencyKey)),
      ),
    )
  ).flat();
  const before: IncomingPurchase[] = [];
  const replay: ReplayedPurchase[] = [];
  for (const row of bought) {
    const realMs = row.purchasedAt.getTime();
    const purchase: IncomingPurchase = {
      idempotencyKey: row.idempotencyKey,
      clientExternalId: externalIds.get(row.clientId)!,
      purchasedAt: new Date(realMs + clock.shiftMs),
      value: row.value,
      currency: row.currency,
      itemCount: row.itemCount,
      source: 'forecast',
    };
    const atMs = realMs - clock.realStartMs;
    if (atMs <= 0) before.push(purchase);
    else if (atMs <= clock.horizonMs) replay.push({ ...purchase, atMs });
  }
  // The history the clients bring is stored, never routed: the journey starts after it.
  for (const chunk of chunked(before)) await storePurchases(scratch, chunk);
  replay.sort((a, b) => a.atMs - b.atMs || a.idempotencyKey.localeCompare(b.idempotencyKey));
  return { externalIds, replay };
}
