import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { selectRows } from '../select-rows';
import { upliftMeasuresQuery } from './uplift-measures-query';

/** What the uplift counts over: a journey, optionally one version, one drawn node, an entry period. */
export interface UpliftScope {
  journeyId: string;
  version?: number | undefined;
  /** Only enrollments that reached this drawn node (held-out clients walk the same path, so both arms do). */
  nodeId?: string | undefined;
  /** Only enrollments entered in [from, to) (read from raw rows: the rollups are not kept by day). */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Every funnel action of this taxonomy is counted per enrollment, and ER (any of them). */
  taxonomy: FunnelTaxonomy;
  /** Revenue per client counts purchases within this many days after entry. */
  revenueDays: number;
}

/** One (stratum, arm) cell: sums the estimators take, so one read answers every figure. */
export interface UpliftCell {
  stratum: string;
  control: boolean;
  clients: number;
  converted: number;
  /** Enrollments that did each action (by name) within its window after entry; absent = 0. */
  actedBy: Record<string, number>;
  /** Enrollments that did any action of the taxonomy within its window (ER's numerator). */
  engaged: number;
  revenue: number;
  revenueSquares: number;
  /** Purchases before entry, for the balance check (the groups should not differ there). */
  pastSpend: number;
  pastSpendSquares: number;
}

/**
 * Counts the journey experiment's two arms per stratum from raw rows (docs/metrics.md, "Uplift"):
 * treated = entered with the holdout on and no control group; control = held out by the journey's
 * holdout. Global control clients are neither (they are the global report's). Every figure is
 * intention to treat, per enrollment. The rollups (`readUpliftCounters`) answer the same cells.
 */
export async function countUpliftArms(db: Executor, scope: UpliftScope): Promise<UpliftCell[]> {
  const filters: SQL[] = [sql`e.journey_id = ${scope.journeyId}`];
  if (scope.version !== undefined) filters.push(sql`e.journey_version = ${scope.version}`);
  if (scope.from !== undefined) filters.push(sql`e.entered_at >= ${scope.from.toISOString()}::timestamptz`);
  if (scope.to !== undefined) filters.push(sql`e.entered_at < ${scope.to.toISOString()}::timestamptz`);
  if (scope.nodeId !== undefined)
    filters.push(
      sql`exists (select 1 from node_visits v where v.enrollment_id = e.id
        and split_part(v.node_id, '/', 1) = ${scope.nodeId})`,
    );
  const rows = await selectRows<{
    stratum: string;
    is_control: boolean;
    clients: number;
    converted: number;
    engaged: number;
    acted_by: Record<string, number> | null;
    revenue: number;
    revenue_squares: number;
    past_spend: number;
    past_spend_squares: number;
  }>(
    db,
    sql`
    with ${upliftMeasuresQuery({
      enrollmentFilter: sql.join(filters, sql` and `),
      taxonomy: scope.taxonomy,
      revenueDays: scope.revenueDays,
    })},
    action_counts as (
      select a.stratum, a.is_control, x.action, count(*)::int as n
      from acted x join arms a on a.id = x.id group by 1, 2, 3
    ),
    action_cells as (
      select stratum, is_control, jsonb_object_agg(action, n) as acted_by from action_counts group by 1, 2
    ),
    cells as (
      select stratum, is_control, count(*)::int as clients,
        count(*) filter (where converted)::int as converted, count(*) filter (where engaged)::int as engaged,
        sum(revenue)::float8 as revenue, sum(revenue * revenue)::float8 as revenue_squares,
        sum(past_spend)::float8 as past_spend, sum(past_spend * past_spend)::float8 as past_spend_squares
      from measured group by 1, 2
    )
    select c.*, ac.acted_by from cells c left join action_cells ac using (stratum, is_control)
    order by 1, 2`,
  );
  return rows.map((r) => ({
    stratum: r.stratum,
    control: r.is_control,
    clients: r.clients,
    converted: r.converted,
    actedBy: r.acted_by ?? {},
    engaged: r.engaged,
    revenue: r.revenue,
    revenueSquares: r.revenue_squares,
    pastSpend: r.past_spend,
    pastSpendSquares: r.past_spend_squares,
  }));
}
