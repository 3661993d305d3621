import { eq } from 'drizzle-orm';
import { enrollments } from '@touchpoint/db';
import type { Executor } from '@touchpoint/db';

/**
 * True when the enrollment is in a control group (the journey's holdout or the global one). Its row
 * is written with its group before the run's first send (bookkeeping flushes before acting), so the
 * answer never changes during a run. Sends without an enrollment (older runs, tests) are treated.
 */
export async function isEnrollmentHeldOut(
  db: Executor,
  enrollmentId: string | null | undefined,
): Promise<boolean> {
  if (!enrollmentId) return false;
  const [row] = await db
    .select({ isHoldout: enrollments.isHoldout })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId));
  return row?.isHoldout ?? false;
}
