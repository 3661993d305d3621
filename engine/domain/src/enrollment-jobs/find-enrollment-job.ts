import { enrollmentJobs, type EnrollmentJobRow, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The job with its stored upload (what a run of it works through), or undefined. */
export async function findEnrollmentJob(db: Executor, jobId: string): Promise<EnrollmentJobRow | undefined> {
  const [job] = await db.select().from(enrollmentJobs).where(eq(enrollmentJobs.id, jobId));
  return job;
}
