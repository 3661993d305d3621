import { sql, type SQL } from 'drizzle-orm';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { GOAL_EXIT_REASON } from '../converted-enrollments-query';

/**
 * The CTEs both uplift roads share (docs/metrics.md, "Uplift"), over the enrollments `scope` selects
 * (a `from enrollments e where …` fragment): `arms` (each enrollment of a journey experiment's two
 * arms with its stratum, arm and goal), `taxonomy` (every action's event types and window), `acted`
 * (each (enrollment, action) done within the action's window after entry) and `measured` (each arm
 * enrollment with its revenue within `revenueDays` and its pre-entry spend). The raw read and the
 * rollups both count from these, so they cannot define a figure differently.
 */
export function upliftMeasuresQuery(input: {
  enrollmentFilter: SQL;
  taxonomy: FunnelTaxonomy;
  revenueDays: number;
}): SQL {
  return sql`
    arms as (
      select e.id, e.client_id, e.journey_id, e.journey_version, e.entered_at, e.stratum,
        coalesce(e.control_group = 'journey', false) as is_control,
        (e.status = 'completed' and e.exit_reason = ${GOAL_EXIT_REASON}) as converted
      from enrollments e
      where e.stratum is not null and (e.control_group is null or e.control_group = 'journey')
        and ${input.enrollmentFilter}
    ),
    taxonomy as (
      select r.rule->>'action' as action, (r.rule->>'windowDays')::int as window_days, t.event_type
      from jsonb_array_elements(${JSON.stringify(input.taxonomy)}::jsonb) as r(rule)
      cross join lateral jsonb_array_elements_text(r.rule->'eventTypes') as t(event_type)
    ),
    acted as (
      select distinct a.id, t.action
      from arms a
      join events ev on ev.client_id = a.client_id and ev.occurred_at > a.entered_at
      join taxonomy t on t.event_type = ev.type
        and ev.occurred_at <= a.entered_at + make_interval(days => t.window_days)
    ),
    measured as (
      select a.*,
        coalesce((select sum(p.value) from purchases p where p.client_id = a.client_id
          and p.purchased_at > a.entered_at
          and p.purchased_at <= a.entered_at + make_interval(days => ${input.revenueDays})), 0)::numeric as revenue,
        coalesce((select sum(p.value) from purchases p where p.client_id = a.client_id
          and p.purchased_at <= a.entered_at), 0)::numeric as past_spend,
        exists (select 1 from acted x where x.id = a.id) as engaged
      from arms a
    )`;
}
