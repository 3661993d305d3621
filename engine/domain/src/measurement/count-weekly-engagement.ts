import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { getAttributedActionsQuery } from './get-attributed-actions-query';
import { inPeriod } from './period-filter';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** One week of ER over time: the communications sent that week and the clients they engaged. */
export interface WeeklyEngagement {
  /** Monday 00:00 UTC of the ISO week the messages were sent in. */
  week: string;
  reached: number;
  engaged: number;
  rate: number;
}

/**
 * ER per ISO week of sending (UTC): reached = clients sent a message in scope that week, engaged = those
 * of them with an action claimed by one of that week's messages. A client reached in two weeks counts
 * in both. A period picks the weeks that start (Monday 00:00 UTC) in it, each whole.
 */
export async function countWeeklyEngagement(
  db: Executor,
  scope: ReportScope,
  taxonomy: FunnelTaxonomy,
): Promise<WeeklyEngagement[]> {
  const rows = await selectRows<{ week: string; reached: number; engaged: number }>(
    db,
    sql`with ${getAttributedActionsQuery(scope, taxonomy)},
      sent as (
        select client_id, id, week from (
          select client_id, id, date_trunc('week', sent_at at time zone 'UTC') as week from scope_messages
        ) w where ${inPeriod(sql`(week at time zone 'UTC')`, scope)}
      )
      select to_char(s.week, 'YYYY-MM-DD"T"00:00:00"Z"') as week,
        count(distinct s.client_id)::int as reached,
        count(distinct s.client_id) filter (
          where exists (select 1 from scoped_actions a where a.message_id = s.id)
        )::int as engaged
      from sent s group by s.week order by s.week`,
  );
  return rows.map((row) => ({ ...row, rate: row.engaged / row.reached }));
}
