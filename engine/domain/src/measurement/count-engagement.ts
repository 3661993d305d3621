import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { getAttributedActionsQuery } from './get-attributed-actions-query';
import { inPeriod } from './period-filter';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** Engagement of the communications in scope (docs/metrics.md, "Engagement rate"). */
export interface Engagement {
  reached: number;
  engaged: number;
  /** engaged ÷ reached; null when nobody was reached. */
  rate: number | null;
  /** Clients whose deepest attributed action is each level, shallowest first (every level listed). */
  deepest: { action: string; clients: number }[];
}

/**
 * Clients reached (a message in scope was sent to them), and per level the clients whose deepest action
 * claimed by a message in scope is that level; ER = engaged ÷ reached. A period picks the clients whose
 * first message in scope was sent in it, and counts all their messages in scope.
 */
export async function countEngagement(
  db: Executor,
  scope: ReportScope,
  taxonomy: FunnelTaxonomy,
): Promise<Engagement> {
  const cohort = inPeriod(sql`first_sent_at`, scope);
  const rows = await selectRows<{ depth: number | null; clients: number }>(
    db,
    sql`with ${getAttributedActionsQuery(scope, taxonomy)},
      deepest as (
        select client_id, max(depth) as depth from scoped_actions where ${cohort} group by client_id
      )
      select null::int as depth, count(distinct client_id)::int as clients from scope_messages where ${cohort}
      union all
      select depth, count(*)::int from deepest group by depth`,
  );
  const reached = rows.find((row) => row.depth === null)?.clients ?? 0;
  const byDepth = new Map(rows.filter((row) => row.depth !== null).map((row) => [row.depth, row.clients]));
  const deepest = taxonomy.map((rule, index) => ({
    action: rule.action,
    clients: byDepth.get(index + 1) ?? 0,
  }));
  const engaged = deepest.reduce((sum, level) => sum + level.clients, 0);
  return { reached, engaged, rate: reached === 0 ? null : engaged / reached, deepest };
}
