import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { getScopeEnrollmentsQuery, getScopeVisitsQuery } from './converted-enrollments-query';
import { getAttributedActionsQuery } from './get-attributed-actions-query';
import { inPeriod } from './period-filter';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** Statuses a message reaches only after the provider reported it delivered (or the client opened it). */
export const DELIVERED_STATUSES = ['delivered', 'opened', 'clicked'] as const;

/** One drawn node's funnel; every count is of distinct enrollments. */
export interface NodeFunnel {
  reached: number;
  sent: number;
  delivered: number;
  /** Per taxonomy level: enrollments with that action claimed by one of the node's messages; rate = ÷ sent. */
  actions: { action: string; count: number; rate: number | null }[];
  converted: number;
  /** Median seconds from the enrollment's first visit in scope to the goal (null: no conversion). */
  medianSecondsToConvert: number | null;
}

type Row = { node_id: string; figure: string; n: number };

/**
 * Per drawn node (docs/metrics.md, "Per-node funnel"): reached from visits in scope, sent and delivered
 * from the node's messages in scope, each level from the actions those messages claim, converted =
 * enrollments that visited the node and reached the goal (the canvas's count). A period picks the
 * enrollments that entered in it: every count here follows its enrollment's entry.
 */
export async function countNodeFunnel(
  db: Executor,
  scope: ReportScope,
  taxonomy: FunnelTaxonomy,
): Promise<Record<string, NodeFunnel>> {
  const delivered = sql.join(
    DELIVERED_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const rows = await selectRows<Row>(
    db,
    sql`with ${getAttributedActionsQuery(scope, taxonomy)},
      s as (${getScopeEnrollmentsQuery({ ...scope, from: undefined, to: undefined })}),
      v as (${getScopeVisitsQuery(scope)}),
      cohort_messages as (select * from scope_messages where ${inPeriod(sql`enrolled_at`, scope)}),
      cohort_actions as (select * from scoped_actions where ${inPeriod(sql`enrolled_at`, scope)})
      select node_id, 'reached' as figure, count(distinct enrollment_id)::int as n from v group by node_id
      union all
      select v.node_id, 'converted', count(distinct v.enrollment_id)::int
        from v join s on s.id = v.enrollment_id where s.is_converted group by v.node_id
      union all
      select m.node_id, 'sent', count(distinct m.enrollment_id)::int from cohort_messages m group by m.node_id
      union all
      select m.node_id, 'delivered', count(distinct m.enrollment_id)::int
        from cohort_messages m join messages full_row on full_row.id = m.id
        where full_row.status in (${delivered}) group by m.node_id
      union all
      select node_id, 'action:' || action, count(distinct enrollment_id)::int
        from cohort_actions group by node_id, action`,
  );
  const nodes: Record<string, NodeFunnel> = {};
  const at = (nodeId: string) =>
    (nodes[nodeId] ??= {
      reached: 0,
      sent: 0,
      delivered: 0,
      actions: taxonomy.map((rule) => ({ action: rule.action, count: 0, rate: null })),
      converted: 0,
      medianSecondsToConvert: null,
    });
  for (const row of rows) {
    const node = at(row.node_id);
    if (row.figure.startsWith('action:')) {
      const level = node.actions.find((entry) => entry.action === row.figure.slice('action:'.length));
      if (level) level.count = row.n;
    } else node[row.figure as 'reached' | 'sent' | 'delivered' | 'converted'] = row.n;
  }
  for (const node of Object.values(nodes)) {
    for (const level of node.actions) level.rate = node.sent === 0 ? null : level.count / node.sent;
  }
  return nodes;
}
