import type { Executor } from '@touchpoint/db';
import { storePurchasesOfBuyers } from '../ingest/store-purchases';
import type { IncomingPurchase } from '../ingest/store-purchases';
import type { StoredEventOutcome } from '../ingest/store-events';
import { readSegmentationSources, settleCutPoints } from './load-segmentation-context';
import { refreshClientSegments } from './refresh-client-segments';

/** What `recordPurchases` stored: one outcome per purchase, and the segment transitions they caused. */
export interface RecordedPurchases {
  purchases: StoredEventOutcome[];
  segmentEvents: StoredEventOutcome[];
}

/**
 * `POST /v1/purchases`: stores the orders (facts refreshed, one `purchase` event each) and updates the
 * buyers' segments as of `now`, or as of the newest order when it is dated later (a clock ahead of
 * ours must not make its own order look days old), all in the caller's transaction. Bulk imports call `storePurchases`
 * alone and leave segmentation to the full recompute that follows.
 */
export async function recordPurchases(
  db: Executor,
  batch: readonly IncomingPurchase[],
  now: Date,
): Promise<RecordedPurchases> {
  const asOf = new Date(Math.max(now.getTime(), ...batch.map((p) => p.purchasedAt.getTime())));
  // Read first, once: the purchase events' funnel actions and the segment update both use it.
  const sources = await readSegmentationSources(db);
  const { outcomes, buyerIds } = await storePurchasesOfBuyers(db, batch, {
    funnelTaxonomy: sources.funnelTaxonomy,
  });
  const context = await settleCutPoints(db, sources, asOf, { takeCutPoints: false });
  const segmentEvents = await refreshClientSegments(db, buyerIds, asOf, context);
  return { purchases: outcomes, segmentEvents };
}
