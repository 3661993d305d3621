import { inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { chunksOf } from '../ingest/chunks';
import { storeEvents } from '../ingest/store-events';
import type { IncomingEvent, StoredEventOutcome } from '../ingest/store-events';
import { clientFacts } from '../schema/client-facts';
import { clients } from '../schema/clients';
import { segmentMemberships, segments } from '../schema/segments';
import { lifecycleStageSql, OVERDUE_SEGMENT, rfmCellSql } from './classify-client';
import { compileSegmentRule } from './compile-segment-rule';
import { overdueSql } from './fact-sql';
import type { SegmentationContext } from './load-segmentation-context';
import { SEGMENT_TRANSITION_TYPES, segmentTransitionKey } from './segment-events';
import type { SegmentFamily, SegmentTransitionKind } from './segment-events';

/** Where the segmentation job's events say they came from. */
export const SEGMENTATION_EVENT_SOURCE = 'segmentation';

/** Events handed to the event store per call: its statements stay bounded whatever a chunk moved. */
const EVENTS_PER_PAGE = 5_000;

/**
 * Which clients a pass classifies: a range of client ids (a full recompute's chunk: after `after`, up
 * to and including `through`, either end open when null), or given ids (a purchase's buyers).
 */
export type ClientScope = { after: string | null; through: string | null } | { ids: readonly string[] };

function scopeSql(scope: ClientScope): SQL {
  if ('ids' in scope) return inArray(clients.id, [...scope.ids]);
  const bounds = [
    scope.after === null ? null : sql`${clients.id} > ${scope.after}::uuid`,
    scope.through === null ? null : sql`${clients.id} <= ${scope.through}::uuid`,
  ].filter((bound): bound is SQL => bound !== null);
  return bounds.length === 0 ? sql`true` : sql.join(bounds, sql` and `);
}

/** One transition as the statement returns it. */
interface TransitionRow {
  kind: SegmentTransitionKind;
  entry: number;
  client_id: string;
  external_id: string;
  segment_id: string;
  segment: string;
  family: SegmentFamily;
  from: string | null;
  to: string | null;
}

/**
 * The one statement that classifies the scope and writes what changed. `classified` gives each client
 * their RFM cell, stage and overdue flag (classify-client.ts, fact-sql.ts); `desired` is every
 * membership they should hold (the built-in segments by key, each saved segment by its compiled rule);
 * diffed against the memberships held, it yields the transitions, which are upserted into
 * `segment_memberships` (entries counting on) and returned. Everything reads the snapshot from before
 * the statement, as the rules did when they were evaluated one by one: a rule on `rfmCell` or on
 * another segment reads the last pass's values.
 *
 * Within the RFM cells and the lifecycle stages a client is in one at a time, so a move carries `from`
 * and `to` (R2F2M2 → R1F2M2) on both its events; for `overdue` and saved segments they are the segment
 * or null.
 */
function transitionsStatement(context: SegmentationContext, scope: ClientScope, asOf: Date): SQL {
  const within = scopeSql(scope);
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const ruleMembers = context.ruleSegments.map(
    (segment) =>
      sql`select ${segment.id}::uuid as segment_id, ${clients.id} as client_id from ${clients} left join ${clientFacts} on ${clientFacts.clientId} = ${clients.id} where ${within} and ${compileSegmentRule(segment.rule, asOf)}`,
  );
  const desired = [
    sql`select s.id as segment_id, c.client_id from classified c join ${segments} s on s.kind <> 'rule' and s.key in (c.cell, c.stage, case when c.overdue then ${OVERDUE_SEGMENT} end)`,
    ...ruleMembers,
  ];
  return sql`
    with classified as materialized (
      select ${clients.id} as client_id, ${clients.externalId} as external_id,
        ${rfmCellSql(context.cutPoints, asOf)} as cell,
        ${lifecycleStageSql(context.settings.lifecycle, asOf)} as stage,
        coalesce(${overdueSql(asOf)}, false) as overdue
      from ${clients} left join ${clientFacts} on ${clientFacts.clientId} = ${clients.id}
      where ${within}
    ),
    desired as materialized (${sql.join(desired, sql` union all `)}),
    held as materialized (
      select m.segment_id, m.client_id, m.entries, s.kind, s.key
      from ${segmentMemberships} m join ${segments} s on s.id = m.segment_id
      where m.is_member and m.client_id in (select client_id from classified)
    ),
    transitions as materialized (
      select d.segment_id, d.client_id, 'entered' as kind, coalesce(m.entries, 0) + 1 as entry
      from desired d
      left join ${segmentMemberships} m on m.segment_id = d.segment_id and m.client_id = d.client_id
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
      where f.client_id = c.client_id
        and (f.rfm_cell is distinct from c.cell or f.lifecycle_stage is distinct from c.stage)
    )
    select t.kind, t.entry, t.client_id, c.external_id, t.segment_id, s.key as segment, s.kind as family,
      case
        when t.kind = 'left' then s.key
        when s.kind in ('rfm', 'lifecycle') then was.key
      end as "from",
      case
        when t.kind = 'entered' then s.key
        when s.kind = 'rfm' then c.cell
        when s.kind = 'lifecycle' then c.stage
      end as "to"
    from transitions t
    join classified c on c.client_id = t.client_id
    join ${segments} s on s.id = t.segment_id
    left join held was on t.kind = 'entered' and was.client_id = t.client_id and was.kind = s.kind
      and s.kind in ('rfm', 'lifecycle')
    -- Leavings first, so a move's events are stored (and routed) as "left A" then "entered B".
    order by t.kind = 'entered', t.client_id, s.key`;
}

function toEvent(t: TransitionRow, asOf: Date): IncomingEvent {
  return {
    idempotencyKey: segmentTransitionKey(t.segment_id, t.client_id, t.entry, t.kind),
    clientExternalId: t.external_id,
    type: SEGMENT_TRANSITION_TYPES[t.kind],
    occurredAt: asOf,
    properties: { segment: t.segment, family: t.family, from: t.from, to: t.to },
    source: SEGMENTATION_EVENT_SOURCE,
  };
}

/**
 * Classifies the scope's clients as of `asOf` and writes what changed, in the caller's transaction:
 * memberships and the clients' RFM cell and stage in one set-based statement, then one
 * `segment.entered` / `segment.left` event per transition through the event store, page by page (the
 * road every client event takes; the router then routes them). Memberships and events commit together,
 * so a pass killed midway leaves each client either fully moved or untouched, and a rerun decides the
 * rest; keys derived from the transition make a decision taken twice one event.
 */
export async function applySegmentChanges(
  db: Executor,
  context: SegmentationContext,
  scope: ClientScope,
  asOf: Date,
): Promise<StoredEventOutcome[]> {
  if ('ids' in scope && scope.ids.length === 0) return [];
  const result = await db.execute(transitionsStatement(context, scope, asOf));
  const transitions = (result as unknown as { rows: TransitionRow[] }).rows;
  const outcomes: StoredEventOutcome[] = [];
  for (const page of chunksOf(transitions, EVENTS_PER_PAGE)) {
    outcomes.push(
      ...(await storeEvents(
        db,
        page.map((t) => toEvent(t, asOf)),
      )),
    );
  }
  return outcomes;
}
