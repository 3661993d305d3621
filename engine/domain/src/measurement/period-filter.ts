import { sql, type SQL } from 'drizzle-orm';
import type { ReportScope } from './report-scope';

type Period = Pick<ReportScope, 'from' | 'to'>;

/**
 * `column` in the scope's half-open period `[from, to)` (true without one). The timestamp that decides
 * differs by figure (docs/metrics.md, "Periods"): an enrollment's entry, a client's first communication
 * in scope, the week a message was sent in.
 */
export function inPeriod(column: SQL, period: Period): SQL {
  const filters: SQL[] = [];
  if (period.from !== undefined) filters.push(sql`${column} >= ${period.from.toISOString()}::timestamptz`);
  if (period.to !== undefined) filters.push(sql`${column} < ${period.to.toISOString()}::timestamptz`);
  return filters.length === 0 ? sql`true` : sql.join(filters, sql` and `);
}

/**
 * `enrollmentId` belongs to an enrollment of the scope's journey that entered in the period: visits,
 * sends, transitions and conversions follow their enrollment's entry (true without a period).
 */
export function enrolledInPeriod(enrollmentId: SQL, scope: Period & { journeyId: string }): SQL {
  if (scope.from === undefined && scope.to === undefined) return sql`true`;
  return sql`${enrollmentId} in (select pe.id from enrollments pe where pe.journey_id = ${scope.journeyId}
    and ${inPeriod(sql`pe.entered_at`, scope)})`;
}

/** True when both ends (where given) are whole UTC days: the periods the rollups' day rows answer. */
export function isWholeDayPeriod(period: Period): boolean {
  return [period.from, period.to].every((end) => end === undefined || end.getTime() % 86_400_000 === 0);
}
