import { enrollments } from '@touchpoint/db';
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';

/** Which enrollments a journey's step counts cover: one journey, optionally one version and a period of entry. */
export interface StatsScope {
  journeyId: string;
  version?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

type Column = Parameters<typeof gte>[0];

/** Rows of the scope's journey and, when it names one, its version. */
export function ofJourneyVersion(journeyId: Column, version: Column, scope: StatsScope): SQL | undefined {
  return and(
    eq(journeyId, scope.journeyId),
    scope.version === undefined ? undefined : eq(version, scope.version),
  );
}

/** `column` within the scope's period; no condition without one. */
export function inWindow(column: Column, scope: StatsScope): SQL | undefined {
  return and(
    scope.from === undefined ? undefined : gte(column, scope.from),
    scope.to === undefined ? undefined : lt(column, scope.to),
  );
}

/**
 * A period picks enrollments by their entry (docs/metrics.md, "Periods"): their visits, sends and
 * transitions count whenever they happened, so a period's counts sum over its days.
 */
export function enteredInWindow(enrollmentId: Column, scope: StatsScope): SQL | undefined {
  if (scope.from === undefined && scope.to === undefined) return undefined;
  return sql`${enrollmentId} in (select ${enrollments.id} from ${enrollments}
    where ${and(eq(enrollments.journeyId, scope.journeyId), inWindow(enrollments.enteredAt, scope))})`;
}
