import { sql, type SQL } from 'drizzle-orm';
import { enrolledInPeriod } from './period-filter';
import type { ReportScope } from './report-scope';

/** The exit reason the interpreter records when a client reaches the goal (workflows/run-context.ts). */
export const GOAL_EXIT_REASON = 'converted';

/**
 * Enrollments of the journey (and version) in scope: entered in `[from, to)` like the journey list's
 * totals. Columns: id, client_id, journey_id, journey_version, entered_at, exited_at, status,
 * is_holdout, is_converted.
 */
export function getScopeEnrollmentsQuery(scope: ReportScope): SQL {
  const filters = [sql`e.journey_id = ${scope.journeyId}`];
  if (scope.version !== undefined) filters.push(sql`e.journey_version = ${scope.version}`);
  if (scope.from !== undefined) filters.push(sql`e.entered_at >= ${scope.from.toISOString()}::timestamptz`);
  if (scope.to !== undefined) filters.push(sql`e.entered_at < ${scope.to.toISOString()}::timestamptz`);
  return sql`select e.id, e.client_id, e.journey_id, e.journey_version, e.entered_at, e.exited_at, e.status, e.is_holdout,
      (e.status = 'completed' and e.exit_reason = ${GOAL_EXIT_REASON}) as is_converted
    from enrollments e where ${sql.join(filters, sql` and `)}`;
}

/**
 * Visits of the journey (and version) whose enrollment entered in `[from, to)` (docs/metrics.md,
 * "Periods": a visit follows its enrollment's entry, whenever it happened), by drawn node (a ladder's
 * rung steps count for the ladder). Columns: enrollment_id, node_id, entered_at.
 */
export function getScopeVisitsQuery(scope: ReportScope): SQL {
  const filters = [sql`v.journey_id = ${scope.journeyId}`];
  if (scope.version !== undefined) filters.push(sql`v.journey_version = ${scope.version}`);
  filters.push(enrolledInPeriod(sql`v.enrollment_id`, scope));
  return sql`select v.enrollment_id, split_part(v.node_id, '/', 1) as node_id, v.entered_at
    from node_visits v where ${sql.join(filters, sql` and `)}`;
}
