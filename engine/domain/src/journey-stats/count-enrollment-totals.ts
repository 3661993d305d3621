import { enrollments, type Executor } from '@touchpoint/db';
import { and, count, sql } from 'drizzle-orm';
import { GOAL_EXIT_REASON } from './count-step-visits';
import { inWindow, ofJourneyVersion, type StatsScope } from './stats-scope';

/** Enrollments in scope (entered in its period): how many, still inside, converted, failed, held out. */
export async function countEnrollmentTotals(db: Executor, scope: StatsScope) {
  const [row] = await db
    .select({
      enrolled: count(),
      active: sql<number>`count(*) filter (where ${enrollments.status} = 'active')::int`,
      converted: sql<number>`count(*) filter (where ${enrollments.status} = 'completed' and ${enrollments.exitReason} = ${GOAL_EXIT_REASON})::int`,
      failed: sql<number>`count(*) filter (where ${enrollments.status} = 'failed')::int`,
      holdout: sql<number>`count(*) filter (where ${enrollments.isHoldout})::int`,
    })
    .from(enrollments)
    .where(
      and(
        ofJourneyVersion(enrollments.journeyId, enrollments.journeyVersion, scope),
        inWindow(enrollments.enteredAt, scope),
      ),
    );
  return row ?? { enrolled: 0, active: 0, converted: 0, failed: 0, holdout: 0 };
}
