import { sql, type SQL } from '@touchpoint/db';
import type { TestProduct } from '../harness/test-product';

/**
 * docs/metrics.md, written out again as plain SQL for the default taxonomy (version 1) over the whole
 * journey: the test's own reading of the definitions, not the product's query code.
 */
const TAXONOMY = sql`(values
  ('open', 1, 5, 'email.opened'), ('click', 2, 5, 'email.clicked'), ('click', 2, 5, 'sms.clicked'),
  ('call', 3, 7, 'call.reached'), ('call', 3, 7, 'call.callBack'), ('call', 3, 7, 'call.refused'),
  ('meeting', 4, 14, 'call.meetingBooked'), ('meeting', 4, 14, 'meeting.booked'),
  ('booking', 5, 14, 'call.booking'), ('booking', 5, 14, 'booking.completed'),
  ('deal', 6, 30, 'deal.closed')) as tx(action, depth, days, event_type)`;

/** Every claim of every fact under `mode`: (fact, client, action, depth, occurred_at, message). */
function claims(mode: 'last' | 'first' | 'every'): SQL {
  const pairs = sql`
    select f.fact, f.client_id, tx.action, tx.depth, f.occurred_at, m.id as message_id, m.sent_at
    from (
      select 'e' || id as fact, client_id, type, occurred_at, message_id from events
      union all
      select 'c' || id, client_id, 'call.' || outcome, completed_at, message_id from call_tasks
      where status = 'completed' and outcome is not null and completed_at is not null
    ) f
    join ${TAXONOMY} on tx.event_type = f.type
    join messages m on m.client_id = f.client_id and m.sent_at is not null
      and m.sent_at between f.occurred_at - tx.days * interval '1 day' and f.occurred_at
    where f.message_id is null
      or not exists (select 1 from messages o where o.id = f.message_id and o.client_id = f.client_id)
      or m.id = f.message_id`;
  if (mode === 'every') return pairs;
  const order = mode === 'last' ? sql`sent_at desc, message_id` : sql`sent_at, message_id`;
  return sql`select distinct on (fact) * from (${pairs}) p order by fact, ${order}`;
}

/** Messages of `journeyId` (of one drawn node when `node` is given: `?node=`). */
const ofJourney = (journeyId: string, node?: string) =>
  node === undefined
    ? sql`m.journey_id = ${journeyId}`
    : sql`m.journey_id = ${journeyId} and split_part(m.node_id, '/', 1) = ${node}`;

/** Claims by messages of `journeyId` (or of its `node`), with the message's drawn node and enrollment. */
const journeyClaims = (journeyId: string, mode: 'last' | 'first' | 'every', node?: string) => sql`
  select c.*, split_part(m.node_id, '/', 1) as node, m.enrollment_id
  from (${claims(mode)}) c join messages m on m.id = c.message_id where ${ofJourney(journeyId, node)}`;

/** A report period `[from, to)`; left out: all time (docs/metrics.md, "Periods"). */
export interface Period {
  from: Date;
  to: Date;
}

const within = (column: SQL, period: Period | undefined) =>
  period === undefined
    ? sql`true`
    : sql`${column} >= ${period.from.toISOString()}::timestamptz and ${column} < ${period.to.toISOString()}::timestamptz`;

/** Enrollment `id` entered in the period: a period picks enrollments by their entry. */
const enteredWithin = (id: SQL, period: Period | undefined) =>
  period === undefined
    ? sql`true`
    : sql`${id} in (select e.id from enrollments e where ${within(sql`e.entered_at`, period)})`;

/** Client `id` first sent a message of the journey (or node) in the period: the client's cohort. */
const firstSentWithin = (id: SQL, journeyId: string, node: string | undefined, period: Period | undefined) =>
  period === undefined
    ? sql`true`
    : sql`${id} in (select m.client_id from messages m where ${ofJourney(journeyId, node)} and m.sent_at is not null
        group by m.client_id having ${within(sql`min(m.sent_at)`, period)})`;

async function rows<T>(tp: TestProduct, query: SQL): Promise<T[]> {
  return ((await tp.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function recomputeEngagement(
  tp: TestProduct,
  journeyId: string,
  mode: 'last' | 'first' | 'every',
  node?: string,
  period?: Period,
) {
  const cohort = (id: SQL) => firstSentWithin(id, journeyId, node, period);
  const [reached] = await rows<{ n: number }>(
    tp,
    sql`select count(distinct client_id)::int as n from messages m
      where ${ofJourney(journeyId, node)} and sent_at is not null and ${cohort(sql`m.client_id`)}`,
  );
  const deepest = await rows<{ action: string; n: number }>(
    tp,
    sql`select (array['open','click','call','meeting','booking','deal'])[d] as action, count(*)::int as n
      from (select client_id, max(depth) as d from (${journeyClaims(journeyId, mode, node)}) j
        where ${cohort(sql`j.client_id`)} group by client_id) x
      group by d`,
  );
  return { reached: reached?.n ?? 0, deepest: Object.fromEntries(deepest.map((r) => [r.action, r.n])) };
}

export async function recomputeWeekly(tp: TestProduct, journeyId: string, period?: Period) {
  return rows<{ week: string; reached: number; engaged: number }>(
    tp,
    sql`select to_char(date_trunc('week', m.sent_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
        count(distinct m.client_id)::int as reached,
        count(distinct m.client_id) filter (where j.message_id is not null)::int as engaged
      from messages m
      left join (select distinct message_id from (${journeyClaims(journeyId, 'last')}) q) j on j.message_id = m.id
      where m.journey_id = ${journeyId} and m.sent_at is not null
        and ${within(sql`(date_trunc('week', m.sent_at at time zone 'UTC') at time zone 'UTC')`, period)}
      group by 1 order by 1`,
  );
}

export async function recomputeCurveDays(
  tp: TestProduct,
  journeyId: string,
  target: string,
  node?: string,
  period?: Period,
) {
  return rows<{ day: number }>(
    tp,
    sql`select floor(extract(epoch from min(j.occurred_at) - first.at) / 86400)::int as day
      from (${journeyClaims(journeyId, 'last', node)}) j
      join (select client_id, min(sent_at) as at from messages m where ${ofJourney(journeyId, node)}
            and sent_at is not null group by client_id) first on first.client_id = j.client_id
      where j.action = ${target} and ${within(sql`first.at`, period)} group by j.client_id, first.at`,
  );
}

export async function recomputeNodeFunnel(tp: TestProduct, journeyId: string, period?: Period) {
  const entered = (id: SQL) => enteredWithin(id, period);
  return rows<{ node: string; figure: string; n: number }>(
    tp,
    sql`select split_part(v.node_id, '/', 1) as node, 'reached' as figure, count(distinct v.enrollment_id)::int as n
        from node_visits v where v.journey_id = ${journeyId} and ${entered(sql`v.enrollment_id`)} group by 1
      union all
      select split_part(v.node_id, '/', 1), 'converted', count(distinct v.enrollment_id)::int
        from node_visits v join enrollments e on e.id = v.enrollment_id
        where v.journey_id = ${journeyId} and e.status = 'completed' and e.exit_reason = 'converted'
          and ${entered(sql`v.enrollment_id`)} group by 1
      union all
      select split_part(node_id, '/', 1), 'sent', count(distinct enrollment_id)::int from messages
        where journey_id = ${journeyId} and sent_at is not null and ${entered(sql`enrollment_id`)} group by 1
      union all
      select split_part(node_id, '/', 1), 'delivered', count(distinct enrollment_id)::int from messages
        where journey_id = ${journeyId} and sent_at is not null and status in ('delivered', 'opened', 'clicked')
          and ${entered(sql`enrollment_id`)}
        group by 1
      union all
      select node, 'action:' || action, count(distinct enrollment_id)::int
        from (${journeyClaims(journeyId, 'last')}) j where ${entered(sql`j.enrollment_id`)} group by node, action`,
  );
}

/** The journey list's totals: enrollments entered in the period, by how they stand. */
export async function recomputeTotals(tp: TestProduct, journeyId: string, period?: Period) {
  const [totals] = await rows<{
    enrolled: number;
    active: number;
    converted: number;
    failed: number;
    holdout: number;
  }>(
    tp,
    sql`select count(*)::int as enrolled, (count(*) filter (where status = 'active'))::int as active,
        (count(*) filter (where status = 'completed' and exit_reason = 'converted'))::int as converted,
        (count(*) filter (where status = 'failed'))::int as failed,
        (count(*) filter (where is_holdout))::int as holdout
      from enrollments where journey_id = ${journeyId} and ${within(sql`entered_at`, period)}`,
  );
  return totals!;
}

export async function recomputeTimeToConvert(tp: TestProduct, journeyId: string, period?: Period) {
  const entered = within(sql`entered_at`, period);
  const [entry] = await rows<{ n: number; p50: number; p75: number; p90: number }>(
    tp,
    sql`select count(*)::int as n,
        percentile_cont(0.5) within group (order by s) as p50,
        percentile_cont(0.75) within group (order by s) as p75,
        percentile_cont(0.9) within group (order by s) as p90
      from (select extract(epoch from exited_at - entered_at)::float8 as s from enrollments
            where journey_id = ${journeyId} and status = 'completed' and exit_reason = 'converted'
              and ${entered}) t`,
  );
  const seconds = await rows<{ s: number }>(
    tp,
    sql`select extract(epoch from exited_at - entered_at)::float8 as s from enrollments
      where journey_id = ${journeyId} and status = 'completed' and exit_reason = 'converted' and ${entered}`,
  );
  const byNode = await rows<{ node: string; p50: number }>(
    tp,
    sql`select node, percentile_cont(0.5) within group (order by s) as p50 from (
        select split_part(v.node_id, '/', 1) as node,
          extract(epoch from e.exited_at - min(v.entered_at))::float8 as s
        from node_visits v join enrollments e on e.id = v.enrollment_id
        where v.journey_id = ${journeyId} and e.status = 'completed' and e.exit_reason = 'converted'
          and ${within(sql`e.entered_at`, period)}
        group by 1, e.id, e.exited_at) t group by node`,
  );
  return { entry, seconds: seconds.map((r) => r.s), byNode };
}

export async function recomputeProducts(tp: TestProduct, journeyId: string, period?: Period) {
  return rows<{ match: string; lines: number; purchases: number; revenue: string }>(
    tp,
    sql`select match, count(*)::int as lines, count(distinct purchase_id)::int as purchases,
        sum(quantity * unit_price)::text as revenue
      from (
        select l.purchase_id, l.quantity, l.unit_price,
          case when o.sku is null then 'noOffer' when l.sku = o.sku then 'sameProduct'
            when bp.category = op.category then 'sameCategory' else 'otherProduct' end as match
        from (
          select distinct on (e.id) e.id as enrollment_id, p.id as purchase_id, p.purchased_at
          from enrollments e join purchases p on p.client_id = e.client_id and p.purchased_at > e.entered_at
          where e.journey_id = ${journeyId} and e.status = 'completed' and e.exit_reason = 'converted'
            and ${within(sql`e.entered_at`, period)}
          order by e.id, p.purchased_at, p.id
        ) g
        join purchase_lines l on l.purchase_id = g.purchase_id
        left join lateral (
          select offer.product_sku as sku from messages m
          join offers offer on offer.key = m.content->'offer'->>'offerId'
            or offer.id::text = m.content->'offer'->>'offerId'
          where m.enrollment_id = g.enrollment_id and m.sent_at <= g.purchased_at
            and offer.product_sku is not null
          order by m.sent_at desc, m.id limit 1
        ) o on true
        left join products bp on bp.sku = l.sku
        left join products op on op.sku = o.sku
      ) c group by match`,
  );
}
