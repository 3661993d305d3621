import { sql, type SQL } from 'drizzle-orm';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { upliftMeasuresQuery } from './uplift-measures-query';

/** The revenue window the rollups keep (the API's default); other windows are read from raw rows. */
export const ROLLUP_REVENUE_DAYS = 30;

/**
 * Every uplift counter contribution of the clients `clientIds` (client_id, the counter key, n): each
 * arm enrollment adds its figures once for the whole journey (node '') and once under every drawn
 * node it visited, in its version, stratum and arm. Action figures carry `taxonomyVersion`; the rest
 * 0. Σ over clients = the raw uplift cells (`countUpliftArms`) of the same scope.
 */
export function getUpliftContributionsQuery(
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): SQL {
  const T = sql`${taxonomyVersion}::int`;
  return sql`with ${upliftMeasuresQuery({
    enrollmentFilter: sql`e.client_id = any(${`{${clientIds.join(',')}}`}::uuid[])`,
    taxonomy,
    revenueDays: ROLLUP_REVENUE_DAYS,
  })},
    nodes as (
      select id, ''::text as node_id from arms
      union
      select v.enrollment_id, split_part(v.node_id, '/', 1) from node_visits v join arms a on a.id = v.enrollment_id
    ),
    figures(id, client_id, journey_id, journey_version, stratum, is_control, taxonomy_version, figure, n) as (
      select m.id, m.client_id, m.journey_id, m.journey_version, m.stratum, m.is_control, 0, f.figure, f.n
      from measured m cross join lateral (values ('clients', 1::numeric),
        ('converted', case when m.converted then 1 else 0 end::numeric),
        ('revenue', m.revenue), ('revenueSquares', m.revenue * m.revenue),
        ('pastSpend', m.past_spend), ('pastSpendSquares', m.past_spend * m.past_spend)) f(figure, n)
      union all
      select m.id, m.client_id, m.journey_id, m.journey_version, m.stratum, m.is_control, ${T}, 'engaged',
        1::numeric
      from measured m where m.engaged
      union all
      select a.id, a.client_id, a.journey_id, a.journey_version, a.stratum, a.is_control, ${T},
        'acted:' || x.action, 1::numeric
      from acted x join arms a on a.id = x.id
    )
    select f.client_id, f.journey_id, f.taxonomy_version, f.journey_version, n.node_id, f.stratum, f.is_control, f.figure, sum(f.n) as n
    from figures f join nodes n on n.id = f.id
    where f.n <> 0
    group by 1, 2, 3, 4, 5, 6, 7, 8`;
}
