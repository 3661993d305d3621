import { sql, type SQL } from 'drizzle-orm';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { classifyGoalPurchaseLinesQuery } from '../classify-goal-purchase-lines-query';
import { DELIVERED_STATUSES } from '../count-node-funnel';
import { GOAL_EXIT_REASON } from '../converted-enrollments-query';
import { TIME_TO_CONVERT_BIN_DAYS } from '../measure-time-to-convert';
import { LOG_BUCKET_RATIO } from './estimate-quantiles';

/** The attribution rules rollups are kept for: all of them, so `?attribution=` never falls back. */
export const ROLLUP_ATTRIBUTIONS = ['last', 'first', 'every'] as const;

/** The UTC day of a timestamp: what puts a contribution in a period (docs/metrics.md, "Periods"). */
const utcDay = (at: SQL) => sql`(${at} at time zone 'UTC')::date`;

const logBucket = (seconds: SQL) =>
  sql`(case when ${seconds} < 1 then -1 else floor(ln(${seconds}) / ln(${LOG_BUCKET_RATIO}))::int end)::text`;

/** The client-set CTEs: their messages, facts, attributions (every rule), enrollments and visits. */
function clientFactsQuery(clientIds: string[], taxonomy: FunnelTaxonomy): SQL {
  const modes = sql.join(
    ROLLUP_ATTRIBUTIONS.map((mode) => sql`(${mode})`),
    sql`, `,
  );
  return sql`
    c as (select unnest(${`{${clientIds.join(',')}}`}::uuid[]) as client_id),
    taxonomy as (
      select r.ordinality::int as depth, r.rule->>'action' as action,
        (r.rule->>'windowDays')::int as window_days, t.event_type
      from jsonb_array_elements(${JSON.stringify(taxonomy)}::jsonb) with ordinality as r(rule, ordinality)
      cross join lateral jsonb_array_elements_text(r.rule->'eventTypes') as t(event_type)
    ),
    modes(mode) as (values ${modes}),
    msgs as (
      select m.id, m.client_id, m.sent_at, m.journey_id, coalesce(m.journey_version, 0) as journey_version,
        m.node_id as step_id, split_part(m.node_id, '/', 1) as node_id, m.enrollment_id, m.status, m.content,
        me.entered_at as enrolled_at
      from messages m left join enrollments me on me.id = m.enrollment_id
      where m.client_id in (select client_id from c) and m.sent_at is not null
    ),
    client_versions as (
      select client_id, journey_id, count(distinct journey_version) = 1 as is_sole
      from msgs where journey_id is not null group by client_id, journey_id
    ),
    -- Each message once per scope it counts in: its version (and version 0 for a client seen in
    -- several), times the whole journey (scope_node '') and its drawn node (?node=).
    scoped_msgs as (
      select m.*, v.scope_version, v.is_sole, v.is_copy, n.scope_node
      from msgs m join client_versions cv using (client_id, journey_id)
      cross join lateral (
        select m.journey_version as scope_version, cv.is_sole, false as is_copy
        union all select 0, false, true where not cv.is_sole
      ) v
      cross join lateral (
        select ''::text as scope_node union all select m.node_id where m.node_id is not null
      ) n
    ),
    facts as (
      select 'event:' || e.id as fact_key, e.client_id, e.type as event_type, e.occurred_at,
        e.message_id as named_message_id
      from events e
      where e.client_id in (select client_id from c) and e.type in (select event_type from taxonomy)
      union all
      select 'call:' || t.id, t.client_id, 'call.' || t.outcome, t.completed_at, t.message_id
      from call_tasks t
      where t.client_id in (select client_id from c) and t.status = 'completed' and t.outcome is not null
        and t.completed_at is not null
    ),
    actions as (
      select f.fact_key, f.client_id, f.occurred_at, t.depth, t.action, t.window_days, own.id as own_message_id
      from facts f join taxonomy t on t.event_type = f.event_type
      left join messages own on own.id = f.named_message_id and own.client_id = f.client_id
    ),
    candidates as materialized (
      select a.fact_key, a.client_id, a.occurred_at, a.depth, a.action, m.id as message_id,
        row_number() over (partition by a.fact_key order by m.sent_at desc, m.id) as last_rank,
        row_number() over (partition by a.fact_key order by m.sent_at asc, m.id) as first_rank
      from actions a join msgs m on m.client_id = a.client_id and m.sent_at <= a.occurred_at
        and m.sent_at >= a.occurred_at - make_interval(days => a.window_days)
        and (a.own_message_id is null or m.id = a.own_message_id)
    ),
    scoped_actions as (
      select mo.mode, a.client_id, a.occurred_at, a.depth, a.action, s.journey_id, s.journey_version,
        s.scope_version, s.is_sole, s.is_copy, s.scope_node, s.node_id, s.enrollment_id, s.sent_at,
        s.enrolled_at
      from candidates a
      join modes mo on mo.mode = 'every' or (mo.mode = 'last' and a.last_rank = 1)
        or (mo.mode = 'first' and a.first_rank = 1)
      join scoped_msgs s on s.id = a.message_id
    ),
    enr as (
      select e.id, e.client_id, e.journey_id, e.journey_version, e.entered_at, e.exited_at, e.status,
        e.is_holdout, (e.status = 'completed' and e.exit_reason = ${GOAL_EXIT_REASON}) as is_converted
      from enrollments e where e.client_id in (select client_id from c)
    ),
    visits as (
      select en.client_id, v.enrollment_id, v.journey_id, v.journey_version, v.node_id as step_id,
        split_part(v.node_id, '/', 1) as node_id, v.entered_at, v.left_at, v.outcome, en.status,
        en.is_converted, en.exited_at, en.entered_at as enrolled_at
      from node_visits v join enr en on en.id = v.enrollment_id
    )`;
}

/**
 * Products (docs/metrics.md, "Product attribution") of the client set's converted enrollments: each
 * goal purchase line with its class, by the definition the read-time report uses.
 */
const productsQuery = sql`
    ${classifyGoalPurchaseLinesQuery({ enrollments: sql`enr`, messages: sql`msgs` })},
    product_versions as (
      select client_id, journey_id, count(distinct journey_version) = 1 as is_sole
      from classified group by client_id, journey_id
    )`;

/**
 * Every counter contribution of the clients `clientIds` (client_id, the counter key, n), computed
 * from their stored rows with the same definitions as the read-time reports (docs/metrics.md): a
 * counter summed over all clients is the raw figure. Enrollment-level figures are additive over
 * clients and versions (`is_sole` true); client-level ones (reached, deepest action, weekly, curve,
 * distinct purchases) also get a version-0 row for a client seen in several versions, and the
 * message-scoped ones (reached, deepest, weekly, curve) one more per drawn node that sent to the
 * client, under that node's id (node '' = the whole journey), so `?node=` is a read too. Each row is
 * given twice: under day '-infinity' (all time) and under the UTC day that puts it in a period (the
 * enrollment's entry, the client's first message in scope, the week's Monday), so a whole-day period
 * is a sum over its days.
 */
export function getClientContributionsQuery(
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): SQL {
  const delivered = sql.join(
    DELIVERED_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const bins = `{${TIME_TO_CONVERT_BIN_DAYS.join(',')}}`;
  const T = sql`${taxonomyVersion}::int`;
  const week = sql`date_trunc('week', sent_at at time zone 'UTC')`;
  const weekBucket = sql`to_char(${week}, 'YYYY-MM-DD')`;
  const entryDay = utcDay(sql`entered_at`);
  const enrolledDay = utcDay(sql`enrolled_at`);
  return sql`with ${clientFactsQuery(clientIds, taxonomy)}, ${productsQuery},
    first_sent as (
      select client_id, journey_id, scope_version, is_sole, scope_node, min(sent_at) as at
      from scoped_msgs group by client_id, journey_id, scope_version, is_sole, scope_node
    ),
    deepest as (
      select a.mode, a.client_id, a.journey_id, a.scope_version, a.is_sole, a.scope_node, max(a.depth) as depth,
        f.at as first_at
      from scoped_actions a join first_sent f using (client_id, journey_id, scope_version, is_sole, scope_node)
      group by a.mode, a.client_id, a.journey_id, a.scope_version, a.is_sole, a.scope_node, f.at
    ),
    node_first_visits as (
      select client_id, enrollment_id, journey_id, journey_version, node_id, exited_at, enrolled_at,
        min(entered_at) as first_at
      from visits where is_converted
      group by client_id, enrollment_id, journey_id, journey_version, node_id, exited_at, enrolled_at
    ),
    -- day: the UTC day that puts the row in a period (docs/metrics.md, "Periods"); null for a figure
    -- no period cuts (stepWaiting: waiting now), which gets only its all-time row.
    rows(client_id, journey_id, taxonomy_version, attribution, journey_version, is_sole, node_id, figure, bucket, day, n) as (
      select client_id, journey_id, 0, '', journey_version, true, '', f.figure, '', ${entryDay}, count(*)::numeric
      from enr cross join lateral (values ('enrolled', true), ('active', status = 'active'),
        ('converted', is_converted), ('failed', status = 'failed'), ('holdout', is_holdout)) f(figure, hit)
      where f.hit group by client_id, journey_id, journey_version, f.figure, ${entryDay}
      union all
      select client_id, journey_id, 0, '', journey_version, true, step_id, f.figure, '',
        case when f.figure <> 'stepWaiting' then ${enrolledDay} end, count(*)
      from visits cross join lateral (values ('stepEntered', true),
        ('stepWaiting', left_at is null and status = 'active'), ('stepFailed', outcome = 'failed')) f(figure, hit)
      where f.hit group by 1, 2, 5, 7, 8, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, step_id, 'stepConverted', '', ${enrolledDay},
        count(distinct enrollment_id)
      from visits where is_converted group by 1, 2, 5, 7, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, node_id, f.figure, '', ${enrolledDay},
        count(distinct enrollment_id)
      from visits cross join lateral (values ('nodeReached', true), ('nodeConverted', is_converted)) f(figure, hit)
      where f.hit group by 1, 2, 5, 7, 8, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, step_id, 'stepSent', '', ${enrolledDay}, count(*)
      from msgs where journey_id is not null and step_id is not null
      group by 1, 2, 5, 7, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, node_id, f.figure, '', ${enrolledDay},
        count(distinct enrollment_id)
      from msgs cross join lateral (values ('nodeSent', true), ('nodeDelivered', status in (${delivered}))) f(figure, hit)
      where journey_id is not null and step_id is not null and f.hit
      group by 1, 2, 5, 7, 8, 10
      union all
      select en.client_id, t.journey_id, 0, '', t.journey_version, true, '', 'edge',
        json_build_array(t.from_node_id, t.port, t.to_node_id, t.edge_id)::text, ${utcDay(sql`en.entered_at`)},
        count(distinct t.enrollment_id)
      from transitions t join enr en on en.id = t.enrollment_id
      group by 1, 2, 5, 9, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, '', 'ttcEntry',
        ${logBucket(sql`extract(epoch from (exited_at - entered_at))::float8`)}, ${entryDay}, count(*)
      from enr where is_converted group by 1, 2, 5, 9, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, '', 'ttcBin',
        width_bucket(extract(epoch from (exited_at - entered_at)) / 86400, ${bins}::numeric[])::text, ${entryDay},
        count(*)
      from enr where is_converted group by 1, 2, 5, 9, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, node_id, 'ttcNode',
        ${logBucket(sql`extract(epoch from (exited_at - first_at))::float8`)}, ${enrolledDay}, count(*)
      from node_first_visits group by 1, 2, 5, 7, 9, 10
      union all
      select client_id, journey_id, 0, '', journey_version, true, '', f.figure, match, day, f.n
      from (
        select client_id, journey_id, journey_version, match, ${enrolledDay} as day, count(*)::numeric as lines,
          sum(revenue) as revenue
        from classified group by 1, 2, 3, 4, 5
      ) p cross join lateral (values ('productLines', p.lines), ('productRevenue', p.revenue)) f(figure, n)
      union all
      select k.client_id, k.journey_id, 0, '', v.version, v.is_sole, '', 'productPurchases', k.match,
        ${utcDay(sql`k.enrolled_at`)}, count(distinct k.purchase_id)
      from classified k join product_versions pv using (client_id, journey_id)
      cross join lateral (select k.journey_version as version, pv.is_sole union all select 0, false where not pv.is_sole) v
      group by 1, 2, 5, 6, 9, 10
      union all
      select client_id, journey_id, 0, '', scope_version, is_sole, scope_node, 'reached', '', ${utcDay(sql`at`)}, 1
      from first_sent
      union all
      select client_id, journey_id, 0, '', scope_version, is_sole, scope_node, 'weekReached', ${weekBucket},
        ${week}::date, 1
      from scoped_msgs group by client_id, journey_id, scope_version, is_sole, scope_node, ${week}
      union all
      select client_id, journey_id, ${T}, mode, scope_version, is_sole, scope_node, 'deepest', depth::text,
        ${utcDay(sql`first_at`)}, 1
      from deepest
      union all
      select client_id, journey_id, ${T}, mode, scope_version, is_sole, scope_node, 'weekEngaged', ${weekBucket},
        ${week}::date, 1
      from scoped_actions group by mode, client_id, journey_id, scope_version, is_sole, scope_node, ${week}
      union all
      select a.client_id, a.journey_id, ${T}, a.mode, a.scope_version, a.is_sole, a.scope_node, 'curve',
        a.action || '|' || floor(extract(epoch from (min(a.occurred_at) - f.at)) / 86400)::int,
        ${utcDay(sql`f.at`)}, 1
      from scoped_actions a join first_sent f using (client_id, journey_id, scope_version, is_sole, scope_node)
      group by a.mode, a.client_id, a.journey_id, a.scope_version, a.is_sole, a.scope_node, a.action, f.at
      union all
      select client_id, journey_id, ${T}, mode, journey_version, true, node_id, 'nodeAction', action,
        ${enrolledDay}, count(distinct enrollment_id)
      from scoped_actions where not is_copy and scope_node = ''
      group by mode, client_id, journey_id, journey_version, node_id, action, ${enrolledDay}
    )
    -- A converted enrollment without exited_at has no time: it counts, in bucket '' (as percentile_cont
    -- counts it in count(*) and skips it). Every row adds to its all-time counter ('-infinity') and,
    -- when it has a day, to that day's.
    select client_id, journey_id, d.day, taxonomy_version, attribution, journey_version, is_sole,
      coalesce(node_id, '') as node_id, figure, coalesce(bucket, '') as bucket, n
    from rows cross join lateral (values ('-infinity'::date), (rows.day)) as d(day)
    where n <> 0 and d.day is not null`;
}
