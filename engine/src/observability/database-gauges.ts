import { getOperationalGaugesQuery, type OperationalGauges } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { TouchpointMetrics } from './metrics';

const GAUGES: Record<keyof OperationalGauges, [name: string, help: string]> = {
  unroutedEvents: ['touchpoint_events_unrouted', 'Events stored and not yet routed'],
  oldestUnroutedSeconds: [
    'touchpoint_routing_lag_seconds',
    'Age of the oldest unrouted event: above a few seconds, routing is not keeping up',
  ],
  openCallTasks: ['touchpoint_call_tasks_open', 'Call-center tasks waiting for an operator'],
  overdueCallTasks: ['touchpoint_call_tasks_overdue', 'Open call tasks past their SLA (or due time)'],
  activeEnrollments: ['touchpoint_enrollments_active', 'Enrollments whose journey is still running'],
};

/**
 * Gauges read from the database at scrape time, so every API process reports the same cluster-wide
 * figures. One query per scrape serves all of them; a failed read reports NaN rather than failing the
 * scrape, so the counters still arrive while the database is down.
 */
export function registerDatabaseGauges(metrics: TouchpointMetrics, db: Database): void {
  let pending: Promise<OperationalGauges | null> | null = null;
  const read = () => {
    pending ??= getOperationalGaugesQuery(db)
      .catch(() => null)
      .finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  for (const [key, [name, help]] of Object.entries(GAUGES) as [keyof OperationalGauges, [string, string]][]) {
    metrics.gauge(name, help, async (gauge) => {
      const values = await read();
      gauge.set(values ? values[key] : Number.NaN);
    });
  }
}
