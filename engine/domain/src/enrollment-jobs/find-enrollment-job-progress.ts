import { enrollmentJobs, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { enrollmentJobProgressColumns, type EnrollmentJobProgress } from './enrollment-job-progress';

/** The job's progress (without the upload), or undefined. */
export async function findEnrollmentJobProgress(
  db: Executor,
  jobId: string,
): Promise<EnrollmentJobProgress | undefined> {
  const [job] = await db
    .select(enrollmentJobProgressColumns)
    .from(enrollmentJobs)
    .where(eq(enrollmentJobs.id, jobId));
  return job;
}
