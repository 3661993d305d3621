import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { getAttributedActionsQuery } from './get-attributed-actions-query';
import { inPeriod } from './period-filter';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** The cumulative curve of the target action by whole days since the client's first communication. */
export interface TargetCurve {
  target: string;
  /** Clients with the target action claimed by a message in scope. */
  clients: number;
  /** One point per day from 0 to the last day any client got there: clients so far and their share. */
  points: { day: number; clients: number; share: number }[];
  /** The first day by which 80 % of those clients had the target action (seed 000: 52 for bookings). */
  day80: number | null;
}

/**
 * For each client with a `target` action claimed by a message in scope: day = floor((first such
 * action − the client's first message in scope) / 24 h). The curve is the cumulative count per day. A
 * period picks the clients whose first message in scope was sent in it.
 */
export async function measureTargetCurve(
  db: Executor,
  scope: ReportScope,
  taxonomy: FunnelTaxonomy,
  target: string,
): Promise<TargetCurve> {
  const rows = await selectRows<{ day: number; clients: number }>(
    db,
    sql`with ${getAttributedActionsQuery(scope, taxonomy)},
      first_sent as (
        select client_id, min(sent_at) as at from scope_messages group by client_id
        having ${inPeriod(sql`min(sent_at)`, scope)}
      ),
      reached_target as (
        select a.client_id,
          floor(extract(epoch from (min(a.occurred_at) - f.at)) / 86400)::int as day
        from scoped_actions a join first_sent f using (client_id)
        where a.action = ${target}
        group by a.client_id, f.at
      )
      select day, count(*)::int as clients from reached_target group by day order by day`,
  );
  return curveFromDays(target, rows);
}

/** The cumulative curve from the number of clients first reaching the target on each day (ascending). */
export function curveFromDays(target: string, rows: { day: number; clients: number }[]): TargetCurve {
  const total = rows.reduce((sum, row) => sum + row.clients, 0);
  const byDay = new Map(rows.map((row) => [row.day, row.clients]));
  const lastDay = rows.at(-1)?.day ?? -1;
  const points: TargetCurve['points'] = [];
  let sofar = 0;
  let day80: number | null = null;
  for (let day = 0; day <= lastDay; day++) {
    sofar += byDay.get(day) ?? 0;
    points.push({ day, clients: sofar, share: sofar / total });
    // Integers, not 0.8 × total: no rounding decides the day.
    if (day80 === null && sofar * 5 >= total * 4) day80 = day;
  }
  return { target, clients: total, points, day80 };
}
