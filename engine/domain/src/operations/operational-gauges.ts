import { sql } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';

/** What an operator watches besides counters: backlog, open work, journeys in flight. */
export interface OperationalGauges {
  /** Events stored but not yet routed. */
  unroutedEvents: number;
  /** Age in seconds of the oldest unrouted event (0 when none): the routing lag. */
  oldestUnroutedSeconds: number;
  openCallTasks: number;
  /** Open call tasks past their SLA (`sla_due_at`), or past `due_at` when they have no SLA. */
  overdueCallTasks: number;
  activeEnrollments: number;
}

/**
 * Reads the gauges in one round trip. Each count walks an index (`events_unrouted_idx` is partial on
 * unrouted rows, call tasks and enrollments are indexed by status), so a scrape stays cheap while the
 * backlog is small, which is when it is healthy.
 */
export async function getOperationalGaugesQuery(db: Database): Promise<OperationalGauges> {
  const result = await db.execute(sql`
    select
      (select count(*) from events where routed_at is null) as unrouted,
      (select extract(epoch from now() - min(received_at)) from events where routed_at is null)
        as oldest_unrouted_seconds,
      (select count(*) from call_tasks where status = 'open') as open_call_tasks,
      (select count(*) from call_tasks
        where status = 'open' and coalesce(sla_due_at, due_at) < now()) as overdue_call_tasks,
      (select count(*) from enrollments where status = 'active') as active_enrollments`);
  // node-postgres and PGlite both answer `{ rows }`; counts arrive as strings (bigint).
  const row = (result as unknown as { rows: Record<string, string | null>[] }).rows[0];
  return {
    unroutedEvents: Number(row?.unrouted ?? 0),
    oldestUnroutedSeconds: Math.max(0, Number(row?.oldest_unrouted_seconds ?? 0)),
    openCallTasks: Number(row?.open_call_tasks ?? 0),
    overdueCallTasks: Number(row?.overdue_call_tasks ?? 0),
    activeEnrollments: Number(row?.active_enrollments ?? 0),
  };
}
