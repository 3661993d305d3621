import { inArray, sql } from 'drizzle-orm';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { recordEventFunnelActions } from '../funnel/record-event-funnel-actions';
import { chunksOf } from '../ingest/chunks';
import type { StoredEventOutcome } from '../ingest/store-events';
import { clientFacts } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { eventTypes } from '@touchpoint/db';
import { events } from '@touchpoint/db';
import { segmentMemberships, segments } from '@touchpoint/db';
import { lifecycleStageSql, OVERDUE_SEGMENT, rfmCellSql } from './classify-client';
import { compileSegmentRule } from './compile-segment-rule';
import { overdueSql } from './fact-sql';
import type { SegmentationContext } from './load-segmentation-context';
import { SEGMENT_TRANSITION_TYPES, segmentTransitionKeySql } from './segment-events';

/** Where the segmentation job's events say they came from. */
export const SEGMENTATION_EVENT_SOURCE = 'segmentation';

/**
 * Which clients a pass classifies: a range of client ids (a full recompute's chunk: after `after`, up
 * to and including `through`, either end open when null), or given ids (a purchase's buyers).
 */
export type ClientScope = { after: string | null; through: string | null } | { ids: readonly string[] };

function scopeSql(scope: ClientScope, id: SQLWrapper = clients.id): SQL {
  if ('ids' in scope) return inArray(id, [...scope.ids]);
  const bounds = [
    scope.after === null ? null : sql`${id} > ${scope.after}::uuid`,
    scope.through === null ? null : sql`${id} <= ${scope.through}::uuid`,
  ].filter((bound): bound is SQL => bound !== null);
  return bounds.length === 0 ? sql`true` : sql.join(bounds, sql` and `);
}

/** One transition as the statement returns it, with the event it stored (null: already stored). */
interface TransitionRow {
  idempotency_key: string;
  client_id: string;
  type: string;
  event_id: string | number | null;
}

const text = (value: string) => sql`${value}::text`;

/**
 * The one statement that classifies the scope and writes what changed. `classified` gives each client
 * their RFM cell, stage and overdue flag (classify-client.ts, fact-sql.ts); `desired` is every
 * membership they should hold (the built-in segments by key, each saved segment by its compiled rule);
 * diffed against the memberships held, it yields the transitions, which are upserted into
 * `segment_memberships` (entries counting on), stored as `segment.entered` / `segment.left` events and
 * counted into `event_types`, all set-based: a chunk of ten thousand clients is one round trip however
 * many moved, instead of a thousand-row insert built in JavaScript per page of events. Everything reads
 * the snapshot from before the statement, as the rules did when they were evaluated one by one: a rule
 * on `rfmCell` or on another segment reads the last pass's values.
 *
 * Within the RFM cells and the lifecycle stages a client is in one at a time, so a move carries `from`
 * and `to` (R2F2M2 → R1F2M2) on both its events; for `overdue` and saved segments they are the segment
 * or null. Keys are `segmentTransitionKey`'s, derived from the transition, so a decision taken twice is
 * one event (`on conflict do nothing`; the statement then answers no id for it).
 */
function transitionsStatement(context: SegmentationContext, scope: ClientScope, asOf: Date): SQL {
  const within = scopeSql(scope);
  // The same bounds on the facts' key, so the planner reads the chunk's facts by their primary key
  // instead of hashing every client's (a full scan per chunk, measured: a tenth of each chunk at 200,000).
  const factsWithin = scopeSql(scope, clientFacts.clientId);
  const updatedFactsWithin = scopeSql(scope, sql`f.client_id`);
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const ruleMembers = context.ruleSegments.map(
    (segment) =>
      sql`select ${segment.id}::uuid as segment_id, ${clients.id} as client_id from ${clients} left join ${clientFacts} on ${clientFacts.clientId} = ${clients.id} and ${factsWithin} where ${within} and ${compileSegmentRule(segment.rule, asOf)}`,
  );
  // Each client's built-in keys as rows, joined to the segments by key (a hash join, not 30-odd
  // comparisons per client).
  const desired = [
    sql`select s.id as segment_id, c.client_id from classified c
      cross join lateral (values (c.cell), (c.stage), (case when c.overdue then ${text(OVERDUE_SEGMENT)} end)) k(key)
      join ${segments} s on s.key = k.key and s.kind <> 'rule'`,
    ...ruleMembers,
  ];
  return sql`
    with classified as materialized (
      select ${clients.id} as client_id,
        ${rfmCellSql(context.cutPoints, asOf)} as cell,
        ${lifecycleStageSql(context.settings.lifecycle, asOf)} as stage,
        coalesce(${overdueSql(asOf)}, false) as overdue,
        ${clientFacts.rfmCell} as stored_cell, ${clientFacts.lifecycleStage} as stored_stage
      from ${clients} left join ${clientFacts} on ${clientFacts.clientId} = ${clients.id} and ${factsWithin}
      where ${within}
    ),
    desired as materialized (${sql.join(desired, sql` union all `)}),
    -- Every membership row of the scope's clients, held or left (a left one keeps its entry count),
    -- read by the client index: joining the whole table instead hashed every client's rows per chunk.
    prior as materialized (
      select m.segment_id, m.client_id, m.is_member, m.entries, s.kind, s.key
      from ${segmentMemberships} m join ${segments} s on s.id = m.segment_id
      where m.client_id in (select client_id from classified)
    ),
    held as materialized (select * from prior where is_member),
    transitions as materialized (
      select d.segment_id, d.client_id, 'entered' as kind, coalesce(m.entries, 0) + 1 as entry
      from desired d
      left join prior m on m.segment_id = d.segment_id and m.client_id = d.client_id
      where m.is_member is not true
      union all
      select h.segment_id, h.client_id, 'left' as kind, h.entries as entry
      from held h
      where not exists (select 1 from desired d where d.segment_id = h.segment_id and d.client_id = h.client_id)
    ),
    written as (
      insert into ${segmentMemberships} (segment_id, client_id, is_member, entries, changed_at)
      select segment_id, client_id, kind = 'entered', entry, ${at} from transitions
      on conflict (segment_id, client_id) do update
        set is_member = excluded.is_member, entries = excluded.entries, changed_at = excluded.changed_at
    ),
    refacted as (
      update ${clientFacts} f set rfm_cell = c.cell, lifecycle_stage = c.stage
      from classified c
      where f.client_id = c.client_id and ${updatedFactsWithin}
        and (c.stored_cell is distinct from c.cell or c.stored_stage is distinct from c.stage)
    ),
    moves as materialized (
      select t.client_id, s.key as segment,
        ${segmentTransitionKeySql(sql`t.segment_id`, sql`t.client_id`, sql`t.entry`, sql`t.kind`)} as idempotency_key,
        case when t.kind = 'entered' then ${text(SEGMENT_TRANSITION_TYPES.entered)} else ${text(SEGMENT_TRANSITION_TYPES.left)} end as type,
        -- Leavings first, so a move's events are stored (and routed) as "left A" then "entered B".
        t.kind = 'entered' as is_entry,
        jsonb_build_object(
          'segment', s.key,
          'family', s.kind,
          'from', case
            when t.kind = 'left' then s.key
            when s.kind in ('rfm', 'lifecycle') then was.key
          end,
          'to', case
            when t.kind = 'entered' then s.key
            when s.kind = 'rfm' then c.cell
            when s.kind = 'lifecycle' then c.stage
          end
        ) as properties
      from transitions t
      join classified c on c.client_id = t.client_id
      join ${segments} s on s.id = t.segment_id
      left join held was on t.kind = 'entered' and was.client_id = t.client_id and was.kind = s.kind
        and s.kind in ('rfm', 'lifecycle')
    ),
    stored as (
      insert into ${events} (client_id, type, occurred_at, properties, idempotency_key, source)
      select client_id, type, ${at}, properties, idempotency_key, ${text(SEGMENTATION_EVENT_SOURCE)}
      from moves
      order by is_entry, client_id, segment
      on conflict (idempotency_key) do nothing
      returning id, idempotency_key, type, client_id
    ),
    -- In type order, as storeEvents does: concurrent writers lock the rollup rows in one order.
    rolled as (
      insert into ${eventTypes} (type, count, first_occurred_at, last_occurred_at)
      select type, count(*), ${at}, ${at} from stored group by type order by type
      on conflict (type) do update set
        count = ${eventTypes}.count + excluded.count,
        first_occurred_at = least(${eventTypes}.first_occurred_at, excluded.first_occurred_at),
        last_occurred_at = greatest(${eventTypes}.last_occurred_at, excluded.last_occurred_at),
        updated_at = now()
    )
    -- The stored events in their insert order, then any transition already stored (no id answered).
    select * from (select idempotency_key, client_id, type, id as event_id from stored order by id) fresh
    union all
    select m.idempotency_key, m.client_id, m.type, null
    from moves m where not exists (select 1 from stored s where s.idempotency_key = m.idempotency_key)`;
}

/** Ids of transitions stored before (a decision taken twice): looked up by key, only when there are any. */
async function findStoredIds(db: Executor, keys: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunksOf(keys)) {
    const rows = await db
      .select({ id: events.id, idempotencyKey: events.idempotencyKey })
      .from(events)
      .where(inArray(events.idempotencyKey, chunk));
    for (const row of rows) ids.set(row.idempotencyKey, row.id);
  }
  return ids;
}

/**
 * Classifies the scope's clients as of `asOf` and writes what changed, in the caller's transaction:
 * memberships, the clients' RFM cell and stage, one `segment.entered` / `segment.left` event per
 * transition and their `event_types` counts in one set-based statement, then the funnel actions the
 * taxonomy makes of those events (as `storeEvents` records them for every client event; the router
 * then routes them). Memberships and events commit together, so a pass killed midway leaves each
 * client either fully moved or untouched, and a rerun decides the rest; keys derived from the
 * transition make a decision taken twice one event.
 */
export async function applySegmentChanges(
  db: Executor,
  context: SegmentationContext,
  scope: ClientScope,
  asOf: Date,
): Promise<StoredEventOutcome[]> {
  if ('ids' in scope && scope.ids.length === 0) return [];
  const result = await db.execute(transitionsStatement(context, scope, asOf));
  const rows = (result as unknown as { rows: TransitionRow[] }).rows;
  const earlier = rows.filter((row) => row.event_id === null).map((row) => row.idempotency_key);
  const storedBefore = earlier.length === 0 ? new Map<string, number>() : await findStoredIds(db, earlier);
  const fresh = rows.filter((row) => row.event_id !== null);
  await recordEventFunnelActions(
    db,
    fresh.map((row) => ({
      eventId: Number(row.event_id),
      clientId: row.client_id,
      type: row.type,
      occurredAt: asOf,
      idempotencyKey: row.idempotency_key,
    })),
    context.funnelTaxonomy,
  );
  return rows.map((row) => ({
    idempotencyKey: row.idempotency_key,
    eventId: row.event_id === null ? storedBefore.get(row.idempotency_key)! : Number(row.event_id),
    isNew: row.event_id !== null,
  }));
}
