import { and, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { chunksOf } from '../ingest/chunks';
import { storeEvents } from '../ingest/store-events';
import type { IncomingEvent, StoredEventOutcome } from '../ingest/store-events';
import { clientFacts } from '../schema/client-facts';
import { segmentMemberships } from '../schema/segments';
import type { ClassifiedClient } from './classify-clients';
import type { ClassifiedSegment, SegmentationContext } from './load-segmentation-context';
import { SEGMENT_TRANSITION_TYPES, segmentTransitionKey } from './segment-events';
import type { SegmentTransitionKind } from './segment-events';

/** Where the segmentation job's events say they came from. */
export const SEGMENTATION_EVENT_SOURCE = 'segmentation';

interface Membership {
  isMember: boolean;
  entries: number;
}

interface Transition {
  client: ClassifiedClient;
  segment: ClassifiedSegment;
  kind: SegmentTransitionKind;
  entry: number;
  from: string | null;
  to: string | null;
}

async function loadMemberships(db: Executor, clientIds: readonly string[]) {
  const byClient = new Map<string, Map<string, Membership>>();
  for (const ids of chunksOf(clientIds, 5_000)) {
    const rows = await db
      .select()
      .from(segmentMemberships)
      .where(and(inArray(segmentMemberships.clientId, ids)));
    for (const row of rows) {
      const memberships = byClient.get(row.clientId) ?? new Map<string, Membership>();
      memberships.set(row.segmentId, { isMember: row.isMember, entries: row.entries });
      byClient.set(row.clientId, memberships);
    }
  }
  return byClient;
}

/**
 * One client's transitions: segments entered and left. Within the RFM cells and the lifecycle stages a
 * client is in one at a time, so a move carries `from` and `to` (R2F2M2 → R1F2M2) on both its events;
 * for `overdue` and saved segments `from` / `to` are the segment or null.
 */
function transitionsOf(
  client: ClassifiedClient,
  memberships: Map<string, Membership>,
  context: SegmentationContext,
): Transition[] {
  const current = [...memberships].filter(([, m]) => m.isMember).map(([id]) => id);
  const left = current.filter((id) => !client.segmentIds.has(id));
  const entered = [...client.segmentIds].filter((id) => memberships.get(id)?.isMember !== true);
  const keyOf = (ids: string[], family: string) =>
    ids.map((id) => context.byId.get(id)).find((s) => s?.family === family)?.key ?? null;
  const grouped = (segment: ClassifiedSegment) => segment.family === 'rfm' || segment.family === 'lifecycle';
  const out: Transition[] = [];
  for (const id of left) {
    const segment = context.byId.get(id);
    if (!segment) continue;
    const to = grouped(segment) ? keyOf([...client.segmentIds], segment.family) : null;
    out.push({ client, segment, kind: 'left', entry: memberships.get(id)!.entries, from: segment.key, to });
  }
  for (const id of entered) {
    const segment = context.byId.get(id);
    if (!segment) continue;
    const from = grouped(segment) ? keyOf(current, segment.family) : null;
    const entry = (memberships.get(id)?.entries ?? 0) + 1;
    out.push({ client, segment, kind: 'entered', entry, from, to: segment.key });
  }
  return out;
}

function toEvent(t: Transition, asOf: Date): IncomingEvent {
  return {
    idempotencyKey: segmentTransitionKey(t.segment.id, t.client.id, t.entry, t.kind),
    clientExternalId: t.client.externalId,
    type: SEGMENT_TRANSITION_TYPES[t.kind],
    occurredAt: asOf,
    properties: { segment: t.segment.key, family: t.segment.family, from: t.from, to: t.to },
    source: SEGMENTATION_EVENT_SOURCE,
  };
}

async function writeMemberships(db: Executor, transitions: readonly Transition[], asOf: Date) {
  const rows = transitions.map((t) => ({
    segmentId: t.segment.id,
    clientId: t.client.id,
    isMember: t.kind === 'entered',
    entries: t.entry,
    changedAt: asOf,
  }));
  for (const chunk of chunksOf(rows)) {
    await db
      .insert(segmentMemberships)
      .values(chunk)
      .onConflictDoUpdate({
        target: [segmentMemberships.segmentId, segmentMemberships.clientId],
        set: {
          isMember: sql`excluded.is_member`,
          entries: sql`excluded.entries`,
          changedAt: sql`excluded.changed_at`,
        },
      });
  }
}

/** Rewrites `rfm_cell` / `lifecycle_stage` of the clients whose cell or stage changed. */
async function writeFacts(db: Executor, classified: readonly ClassifiedClient[]) {
  const changed = classified.filter(
    (c) => c.rfmCell !== c.storedRfmCell || c.lifecycleStage !== c.storedLifecycleStage,
  );
  for (const chunk of chunksOf(changed)) {
    const values = sql.join(
      chunk.map((c) => sql`(${c.id}::uuid, ${c.rfmCell}::text, ${c.lifecycleStage}::text)`),
      sql`, `,
    );
    await db.execute(
      sql`update ${clientFacts} set rfm_cell = v.rfm_cell, lifecycle_stage = v.stage from (values ${values}) as v(id, rfm_cell, stage) where ${clientFacts.clientId} = v.id`,
    );
  }
}

/**
 * Writes what a classification changed, in the caller's transaction: memberships, the clients' RFM
 * cell and stage, and one `segment.entered` / `segment.left` event per transition through the event
 * store (the road every client event takes; the router then routes them). Memberships and events
 * commit together, so a pass killed midway leaves each client either fully moved or untouched, and a
 * rerun decides the rest; keys derived from the transition make a decision taken twice one event.
 */
export async function applySegmentChanges(
  db: Executor,
  context: SegmentationContext,
  classified: readonly ClassifiedClient[],
  asOf: Date,
): Promise<StoredEventOutcome[]> {
  if (classified.length === 0) return [];
  const memberships = await loadMemberships(
    db,
    classified.map((c) => c.id),
  );
  const transitions = classified.flatMap((client) =>
    transitionsOf(client, memberships.get(client.id) ?? new Map(), context),
  );
  await writeMemberships(db, transitions, asOf);
  await writeFacts(db, classified);
  // Leavings first, so a move's events are stored (and routed) as "left A" then "entered B".
  const ordered = [...transitions].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'left' ? -1 : 1));
  return storeEvents(
    db,
    ordered.map((t) => toEvent(t, asOf)),
  );
}
