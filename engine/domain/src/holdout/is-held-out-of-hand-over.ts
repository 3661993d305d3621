import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { enrollments } from '@touchpoint/db';

/**
 * Whether a `startJourney` step must not hand its client over: the client walks the handing-over
 * journey in its own holdout (`control_group = 'journey'`), so treating them in the target would give
 * the control group what the journey's effect is measured against — the hand-over is blocked, and the
 * shadow visit says so. A global control client is not blocked here: the target's own begin holds
 * them out when it is promotional, and a transactional target serves them as it serves everyone.
 * Asked by the handing-over enrollment's id, or (requests made before runs sent it) by the client's
 * latest enrollment in that journey.
 */
export async function isHeldOutOfHandOver(
  db: Executor,
  from: { enrollmentId?: string | undefined; journeyId: string; clientId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ controlGroup: enrollments.controlGroup })
    .from(enrollments)
    .where(
      from.enrollmentId
        ? eq(enrollments.id, from.enrollmentId)
        : and(eq(enrollments.journeyId, from.journeyId), eq(enrollments.clientId, from.clientId)),
    )
    .orderBy(desc(enrollments.enteredAt))
    .limit(1);
  return row?.controlGroup === 'journey';
}
