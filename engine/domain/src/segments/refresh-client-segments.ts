import type { Executor } from '@touchpoint/db';
import type { StoredEventOutcome } from '../ingest/store-events';
import { applySegmentChanges } from './apply-segment-changes';
import { loadSegmentationContext } from './load-segmentation-context';
import type { SegmentationContext } from './load-segmentation-context';

/**
 * The incremental update: re-classifies the given clients as of `asOf` in the caller's transaction (a
 * purchase's), against the RFM cut points of the last full recompute, and stores their transitions.
 * A purchase thus leaves `overdue` and moves its client's cell and stage at once, not at the next run.
 * `loaded` is the context when the caller has read it already (a purchase, for its funnel taxonomy).
 */
export async function refreshClientSegments(
  db: Executor,
  clientIds: readonly string[],
  asOf: Date,
  loaded?: SegmentationContext,
): Promise<StoredEventOutcome[]> {
  if (clientIds.length === 0) return [];
  const context = loaded ?? (await loadSegmentationContext(db, asOf, { takeCutPoints: false }));
  return applySegmentChanges(db, context, { ids: [...new Set(clientIds)].sort() }, asOf);
}
