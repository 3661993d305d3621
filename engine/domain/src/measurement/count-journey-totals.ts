import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { getScopeEnrollmentsQuery } from './converted-enrollments-query';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** The journey list's totals over the enrollments in scope (the same numbers `/stats` answers). */
export interface JourneyTotals {
  enrolled: number;
  active: number;
  converted: number;
  failed: number;
  holdout: number;
}

/** Enrollments entered in scope, by status; converted = completed with the goal's exit reason. */
export async function countJourneyTotals(db: Executor, scope: ReportScope): Promise<JourneyTotals> {
  const [row] = await selectRows<JourneyTotals>(
    db,
    sql`with s as (${getScopeEnrollmentsQuery(scope)})
      select count(*)::int as enrolled,
        (count(*) filter (where status = 'active'))::int as active,
        (count(*) filter (where is_converted))::int as converted,
        (count(*) filter (where status = 'failed'))::int as failed,
        (count(*) filter (where is_holdout))::int as holdout
      from s`,
  );
  return row ?? { enrolled: 0, active: 0, converted: 0, failed: 0, holdout: 0 };
}
