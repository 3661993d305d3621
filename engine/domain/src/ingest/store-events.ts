import { inArray } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { events } from '@touchpoint/db';
import type { EventProperties } from '@touchpoint/db';
import { recordEventFunnelActions } from '../funnel/record-event-funnel-actions';
import type { StoredFunnelTaxonomy } from '../measurement/load-funnel-taxonomy';
import { chunksOf } from './chunks';
import { rollUpEventTypes } from './roll-up-event-types';
import { ensureClients } from './upsert-clients';

/** One incoming event, keyed by the client's external id. */
export interface IncomingEvent {
  idempotencyKey: string;
  clientExternalId: string;
  type: string;
  occurredAt: Date;
  properties?: EventProperties;
  source?: string;
  messageId?: string | null;
  nodeId?: string | null;
}

/** What happened to one incoming event, in input order. */
export interface StoredEventOutcome {
  idempotencyKey: string;
  eventId: number;
  /** False when an event with this key was already stored (a retried request). */
  isNew: boolean;
}

/**
 * What a caller already read in this transaction, so `storeEvents` need not read it again (a
 * purchase's update counts its round trips).
 */
export interface StoreEventsKnown {
  /** Internal id by external id of every client the batch names (from `ensureClients`). */
  clientIds?: Map<string, string>;
  /** The current funnel taxonomy. */
  funnelTaxonomy?: Pick<StoredFunnelTaxonomy, 'version' | 'actions'>;
}

/**
 * Stores a batch of events in one transaction and returns each one's id. Idempotent on `idempotencyKey`:
 * rows already stored are skipped (`on conflict do nothing`) and reported with `isNew: false`, so a retried
 * batch never duplicates. When this resolves the rows are committed — the caller may acknowledge.
 */
export async function storeEvents(
  db: Executor,
  batch: readonly IncomingEvent[],
  known: StoreEventsKnown = {},
): Promise<StoredEventOutcome[]> {
  if (batch.length === 0) return [];
  const clientIds =
    known.clientIds ??
    (await ensureClients(
      db,
      batch.map((e) => e.clientExternalId),
    ));
  const unique = new Map(batch.map((e) => [e.idempotencyKey, e]));
  const ids = new Map<string, number>();
  for (const chunk of chunksOf([...unique.values()])) {
    for (const row of await insertEvents(db, chunk, clientIds)) ids.set(row.idempotencyKey, row.id);
  }
  const fresh = new Set(ids.keys());
  const duplicates = [...unique.keys()].filter((key) => !ids.has(key));
  for (const chunk of chunksOf(duplicates)) {
    const existing = await db
      .select({ id: events.id, idempotencyKey: events.idempotencyKey })
      .from(events)
      .where(inArray(events.idempotencyKey, chunk));
    for (const row of existing) ids.set(row.idempotencyKey, row.id);
  }
  // In the same transaction: an acknowledged `deal.closed` is a recorded deal, whoever sent it.
  await recordEventFunnelActions(
    db,
    [...unique.values()]
      .filter((e) => fresh.has(e.idempotencyKey))
      .map((e) => ({
        eventId: ids.get(e.idempotencyKey)!,
        clientId: clientIds.get(e.clientExternalId)!,
        type: e.type,
        occurredAt: e.occurredAt,
        messageId: e.messageId ?? null,
        idempotencyKey: e.idempotencyKey,
      })),
    known.funnelTaxonomy,
  );
  // Last in the transaction: the rollup rows are the most contended locks, so they are held briefly.
  await rollUpEventTypes(
    db,
    [...unique.values()].filter((e) => fresh.has(e.idempotencyKey)),
  );
  const seen = new Set<string>();
  return batch.map((e) => {
    const isNew = fresh.has(e.idempotencyKey) && !seen.has(e.idempotencyKey);
    seen.add(e.idempotencyKey);
    return { idempotencyKey: e.idempotencyKey, eventId: ids.get(e.idempotencyKey)!, isNew };
  });
}

/** One multi-row insert (a chunk: see `ROWS_PER_STATEMENT`); rows already stored are skipped. */
function insertEvents(db: Executor, chunk: readonly IncomingEvent[], clientIds: Map<string, string>) {
  return db
    .insert(events)
    .values(
      chunk.map((e) => ({
        idempotencyKey: e.idempotencyKey,
        clientId: clientIds.get(e.clientExternalId)!,
        type: e.type,
        occurredAt: e.occurredAt,
        properties: e.properties ?? {},
        source: e.source ?? 'api',
        messageId: e.messageId ?? null,
        nodeId: e.nodeId ?? null,
      })),
    )
    .onConflictDoNothing({ target: events.idempotencyKey })
    .returning({ id: events.id, idempotencyKey: events.idempotencyKey });
}
