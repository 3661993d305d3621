import { enrollmentJobs, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** Ends a job, `completed` or `failed` with its cause; the counts stay as recorded. */
export async function finishEnrollmentJob(
  db: Executor,
  jobId: string,
  status: 'completed' | 'failed',
  error: string | null,
): Promise<void> {
  const at = new Date();
  await db
    .update(enrollmentJobs)
    .set({ status, error, finishedAt: at, updatedAt: at })
    .where(eq(enrollmentJobs.id, jobId));
}
