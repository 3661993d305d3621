import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { applySegmentChanges } from './apply-segment-changes';
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
  /** Clients per transaction (default 10,000). */
  chunkSize?: number;
  /** Resume after this client id (a retried run's last heartbeat); earlier chunks are already applied. */
  startAfter?: string | null;
  /** Called after each committed chunk with the ids of the events it stored (an activity heartbeats here). */
  onChunk?: (progress: RecomputeProgress, newEventIds: number[]) => void | Promise<void>;
}

/**
 * The chunk after `after`: its last client id (null for the last, open-ended chunk) and its size, read
 * off the primary key so each chunk's statement is a range scan.
 */
async function nextChunk(db: Executor, after: string | null, limit: number) {
  const from = after === null ? sql`true` : sql`${clients.id} > ${after}::uuid`;
  const result = await db.execute(
    sql`select ${clients.id} as id from ${clients} where ${from} order by ${clients.id} offset ${limit - 1} limit 1`,
  );
  const [row] = (result as unknown as { rows: { id: string }[] }).rows;
  if (row) return { through: row.id, clients: limit };
  const rest = await db.execute(sql`select count(*)::int as n from ${clients} where ${from}`);
  return { through: null, clients: (rest as unknown as { rows: { n: number }[] }).rows[0]!.n };
}

/**
 * The full recompute: every client classified as of `asOf`, chunk by chunk in client-id order, each
 * chunk one transaction and one set-based statement (memberships, facts) plus its transition events,
 * then today's member counts. Killed midway and run again with the same `asOf`, it emits each
 * transition once: committed chunks find nothing left to change, and the rest is decided as the first
 * run would have.
 */
export async function recomputeSegments(
  db: Database,
  options: RecomputeSegmentsOptions,
): Promise<RecomputeProgress> {
  const { asOf } = options;
  const limit = options.chunkSize ?? 10_000;
  const context = await loadSegmentationContext(db, asOf, { takeCutPoints: true });
  const progress: RecomputeProgress = { after: options.startAfter ?? null, clients: 0, transitions: 0 };
  for (;;) {
    const chunk = await db.transaction(async (tx) => {
      // A chunk's statement is costed high enough for JIT, whose compilation (seconds on a loaded
      // machine) costs more than the statement saves; off for this transaction only.
      await tx.execute(sql`set local jit = off`);
      const { through, clients: size } = await nextChunk(tx, progress.after, limit);
      const stored = await applySegmentChanges(tx, context, { after: progress.after, through }, asOf);
      return { through, size, fresh: stored.filter((outcome) => outcome.isNew).map((o) => o.eventId) };
    });
    progress.clients += chunk.size;
    progress.transitions += chunk.fresh.length;
    if (chunk.through !== null) progress.after = chunk.through;
    await options.onChunk?.({ ...progress }, chunk.fresh);
    if (chunk.through === null) break;
  }
  await snapshotSegmentCounts(db, asOf);
  return progress;
}
