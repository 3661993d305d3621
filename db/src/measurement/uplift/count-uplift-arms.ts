import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../database';
import { GOAL_EXIT_REASON } from '../converted-enrollments-query';
import { selectRows } from '../select-rows';

/** What the uplift counts over: a journey, optionally one version and one drawn node. */
export interface UpliftScope {
  journeyId: string;
  version?: number;
  /** Only enrollments that reached this node (held-out clients walk the same path, so both arms do). */
  nodeId?: string;
  /** The funnel action measured beside the goal: its event types and window after entry. */
  action?: { eventTypes: readonly string[]; windowDays: number };
  /** Revenue per client counts purchases within this many days after entry. */
  revenueDays: number;
}

/** One (stratum, arm) cell: sums the estimators take, so one query answers every figure. */
export interface UpliftCell {
  stratum: string;
  control: boolean;
  clients: number;
  converted: number;
  acted: number;
  revenue: number;
  revenueSquares: number;
  /** Purchases before entry, for the balance check (the groups should not differ there). */
  pastSpend: number;
  pastSpendSquares: number;
}

/**
 * Counts the journey experiment's two arms per stratum (docs/metrics.md, "Uplift"): treated = entered
 * with the holdout on and no control group; control = held out by the journey's holdout. Global
 * control clients are neither (they are the global report's). Every figure is intention to treat,
 * per enrollment: `converted` reached the goal; `acted` did the action within its window after
 * entering; `revenue` is Σ purchase value within `revenueDays` after entering (0 for non-buyers).
 */
export async function countUpliftArms(db: Executor, scope: UpliftScope): Promise<UpliftCell[]> {
  const filters: SQL[] = [
    sql`e.journey_id = ${scope.journeyId}`,
    sql`e.stratum is not null`,
    sql`(e.control_group is null or e.control_group = 'journey')`,
  ];
  if (scope.version !== undefined) filters.push(sql`e.journey_version = ${scope.version}`);
  if (scope.nodeId !== undefined)
    filters.push(
      sql`exists (select 1 from node_visits v where v.enrollment_id = e.id and v.node_id = ${scope.nodeId})`,
    );
  const action = scope.action;
  const acted = action
    ? sql`exists (select 1 from events ev where ev.client_id = e.client_id
          and ev.type in (${sql.join(
            action.eventTypes.map((t) => sql`${t}`),
            sql`, `,
          )})
          and ev.occurred_at > e.entered_at
          and ev.occurred_at <= e.entered_at + make_interval(days => ${action.windowDays}))`
    : sql`false`;
  const rows = await selectRows<{
    stratum: string;
    control: boolean;
    clients: number;
    converted: number;
    acted: number;
    revenue: number;
    revenue_squares: number;
    past_spend: number;
    past_spend_squares: number;
  }>(
    db,
    sql`
    with scoped as (
      select e.stratum, e.control_group = 'journey' as control,
        (e.status = 'completed' and e.exit_reason = ${GOAL_EXIT_REASON}) as converted,
        ${acted} as acted,
        coalesce((select sum(p.value) from purchases p where p.client_id = e.client_id
          and p.purchased_at > e.entered_at
          and p.purchased_at <= e.entered_at + make_interval(days => ${scope.revenueDays})), 0)::float8 as revenue,
        coalesce((select sum(p.value) from purchases p where p.client_id = e.client_id
          and p.purchased_at <= e.entered_at), 0)::float8 as past_spend
      from enrollments e
      where ${sql.join(filters, sql` and `)}
    )
    select stratum, coalesce(control, false) as control, count(*)::int as clients,
      count(*) filter (where converted)::int as converted, count(*) filter (where acted)::int as acted,
      sum(revenue)::float8 as revenue, sum(revenue * revenue)::float8 as revenue_squares,
      sum(past_spend)::float8 as past_spend, sum(past_spend * past_spend)::float8 as past_spend_squares
    from scoped group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({
    stratum: r.stratum,
    control: r.control,
    clients: r.clients,
    converted: r.converted,
    acted: r.acted,
    revenue: r.revenue,
    revenueSquares: r.revenue_squares,
    pastSpend: r.past_spend,
    pastSpendSquares: r.past_spend_squares,
  }));
}
