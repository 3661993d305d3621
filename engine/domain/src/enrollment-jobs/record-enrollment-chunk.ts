import { enrollmentJobs, type EnrollmentJobFailure, type Executor } from '@touchpoint/db';
import { eq, sql } from 'drizzle-orm';

/** Failures kept with their reasons; the counts stay exact beyond it. */
const MAX_REPORTED_FAILURES = 1000;

/**
 * Records a worked chunk of `rowCount` rows and moves the job's cursor past it in one statement, so a
 * process that dies leaves either the whole chunk recorded or none of it.
 */
export async function recordEnrollmentChunk(
  db: Executor,
  jobId: string,
  rowCount: number,
  failures: readonly EnrollmentJobFailure[],
): Promise<void> {
  const enrolled = rowCount - failures.length;
  await db
    .update(enrollmentJobs)
    .set({
      done: sql`${enrollmentJobs.done} + ${rowCount}`,
      enrolled: sql`${enrollmentJobs.enrolled} + ${enrolled}`,
      failed: sql`${enrollmentJobs.failed} + ${failures.length}`,
      failures: sql`(select coalesce(jsonb_agg(f), '[]'::jsonb) from (select f from jsonb_array_elements(${enrollmentJobs.failures} || ${JSON.stringify(failures)}::jsonb) f limit ${MAX_REPORTED_FAILURES}) kept)`,
      updatedAt: new Date(),
    })
    .where(eq(enrollmentJobs.id, jobId));
}
