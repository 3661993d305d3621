import type { Database } from '../database';
import { applySegmentChanges } from './apply-segment-changes';
import { classifyClients } from './classify-clients';
import { loadSegmentationContext } from './load-segmentation-context';
import { snapshotSegmentCounts } from './snapshot-segment-counts';

/** Progress of a full recompute after each committed chunk; `after` is where a rerun may resume. */
export interface RecomputeProgress {
  after: string | null;
  clients: number;
  transitions: number;
}

export interface RecomputeSegmentsOptions {
  /** The moment classified for: days since the last purchase and event windows end here. */
  asOf: Date;
  /** Clients per transaction (default 2,000). */
  chunkSize?: number;
  /** Resume after this client id (a retried run's last heartbeat); earlier chunks are already applied. */
  startAfter?: string | null;
  /** Called after each committed chunk with the ids of the events it stored (an activity heartbeats here). */
  onChunk?: (progress: RecomputeProgress, newEventIds: number[]) => void | Promise<void>;
}

/**
 * The full recompute: every client classified as of `asOf`, chunk by chunk in client-id order, each
 * chunk one transaction (memberships, facts and transition events together), then today's member
 * counts. Killed midway and run again with the same `asOf`, it emits each transition once: committed
 * chunks find nothing left to change, and the rest is decided as the first run would have.
 */
export async function recomputeSegments(
  db: Database,
  options: RecomputeSegmentsOptions,
): Promise<RecomputeProgress> {
  const { asOf } = options;
  const limit = options.chunkSize ?? 2_000;
  const context = await loadSegmentationContext(db, asOf, { takeCutPoints: true });
  const progress: RecomputeProgress = { after: options.startAfter ?? null, clients: 0, transitions: 0 };
  for (;;) {
    const chunk = await db.transaction(async (tx) => {
      const classified = await classifyClients(tx, context, { after: progress.after, limit }, asOf);
      const stored = await applySegmentChanges(tx, context, classified, asOf);
      return { classified, fresh: stored.filter((outcome) => outcome.isNew).map((o) => o.eventId) };
    });
    progress.clients += chunk.classified.length;
    progress.transitions += chunk.fresh.length;
    progress.after = chunk.classified.at(-1)?.id ?? progress.after;
    await options.onChunk?.({ ...progress }, chunk.fresh);
    if (chunk.classified.length < limit) break;
  }
  await snapshotSegmentCounts(db, asOf);
  return progress;
}
