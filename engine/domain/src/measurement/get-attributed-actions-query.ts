import { sql, type SQL } from 'drizzle-orm';
import type { FunnelTaxonomy } from '@touchpoint/language';
import type { ReportScope } from './report-scope';

/**
 * The messages in scope, whenever sent; `node_id` is the drawn node (a ladder's rung steps count for the
 * ladder). A period cuts them per figure (docs/metrics.md, "Periods"), so each carries what decides:
 * `enrolled_at` (its enrollment's entry) and `first_sent_at` (its client's first message in scope).
 */
function scopeMessagesQuery(scope: ReportScope): SQL {
  const filters = [sql`m.journey_id = ${scope.journeyId}`, sql`m.sent_at is not null`];
  if (scope.version !== undefined) filters.push(sql`m.journey_version = ${scope.version}`);
  if (scope.nodeId !== undefined) filters.push(sql`split_part(m.node_id, '/', 1) = ${scope.nodeId}`);
  return sql`select m.id, m.client_id, m.sent_at, split_part(m.node_id, '/', 1) as node_id,
      m.journey_version, m.enrollment_id, m.content, e.entered_at as enrolled_at,
      min(m.sent_at) over (partition by m.client_id) as first_sent_at
    from messages m left join enrollments e on e.id = m.enrollment_id
    where ${sql.join(filters, sql` and `)}`;
}

const RANK_FILTER = {
  last: sql`c.last_rank = 1`,
  first: sql`c.first_rank = 1`,
  every: sql`true`,
} as const;

/**
 * The CTEs every engagement figure starts from (docs/metrics.md, "Attribution"), computed at read time
 * from stored facts with the taxonomy given, so a new taxonomy re-computes every report and rewrites
 * nothing. Facts are stored events of the taxonomy's types and completed call tasks (`call.<outcome>`).
 * A message claims an action when it went to the same client, `occurred_at - window ≤ sent_at ≤
 * occurred_at`, and — when the fact names its own message (a tracking hit, a call's task) — it is that
 * message. Among several, `scope.attribution` picks (ties on `sent_at`: the smaller message id).
 *
 * Defines `taxonomy`, `scope_messages`, `attributed` (every claim, any journey: attribution is decided
 * over all the client's messages before the scope is cut) and `scoped_actions` (claims by a message in
 * scope, with its drawn node, version, enrollment, `enrolled_at` and `first_sent_at`). No period is
 * applied here: each figure cuts by its own timestamp (`inPeriod`).
 */
export function getAttributedActionsQuery(scope: ReportScope, taxonomy: FunnelTaxonomy): SQL {
  return sql`
    taxonomy as (
      select r.ordinality::int as depth, r.rule->>'action' as action,
        (r.rule->>'windowDays')::int as window_days, t.event_type
      from jsonb_array_elements(${JSON.stringify(taxonomy)}::jsonb) with ordinality as r(rule, ordinality)
      cross join lateral jsonb_array_elements_text(r.rule->'eventTypes') as t(event_type)
    ),
    scope_messages as (${scopeMessagesQuery(scope)}),
    facts as (
      select 'event:' || e.id as fact_key, e.client_id, e.type as event_type, e.occurred_at,
        e.message_id as named_message_id
      from events e
      where e.client_id in (select client_id from scope_messages)
        and e.type in (select event_type from taxonomy)
      union all
      select 'call:' || c.id, c.client_id, 'call.' || c.outcome, c.completed_at, c.message_id
      from call_tasks c
      where c.status = 'completed' and c.outcome is not null and c.completed_at is not null
        and c.client_id in (select client_id from scope_messages)
    ),
    actions as (
      select f.fact_key, f.client_id, f.occurred_at, t.depth, t.action, t.window_days,
        own.id as own_message_id
      from facts f
      join taxonomy t on t.event_type = f.event_type
      left join messages own on own.id = f.named_message_id and own.client_id = f.client_id
    ),
    candidates as (
      select a.fact_key, a.client_id, a.occurred_at, a.depth, a.action, m.id as message_id, m.sent_at,
        row_number() over (partition by a.fact_key order by m.sent_at desc, m.id) as last_rank,
        row_number() over (partition by a.fact_key order by m.sent_at asc, m.id) as first_rank
      from actions a
      join messages m on m.client_id = a.client_id and m.sent_at is not null
        and m.sent_at <= a.occurred_at
        and m.sent_at >= a.occurred_at - make_interval(days => a.window_days)
        and (a.own_message_id is null or m.id = a.own_message_id)
    ),
    attributed as (
      select c.fact_key, c.client_id, c.occurred_at, c.depth, c.action, c.message_id, c.sent_at
      from candidates c where ${RANK_FILTER[scope.attribution]}
    ),
    scoped_actions as (
      select a.*, s.node_id, s.journey_version, s.enrollment_id, s.enrolled_at, s.first_sent_at
      from attributed a join scope_messages s on s.id = a.message_id
    )`;
}
