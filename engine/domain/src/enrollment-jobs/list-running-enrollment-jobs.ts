import { enrollmentJobs, type Executor } from '@touchpoint/db';
import { asc, eq } from 'drizzle-orm';

/**
 * Ids of CSV enrollment jobs still running, oldest first, at most 100: what the job runner's look
 * for orphaned jobs tries to lease (the next look finds the rest).
 */
export async function listRunningEnrollmentJobs(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: enrollmentJobs.id })
    .from(enrollmentJobs)
    .where(eq(enrollmentJobs.status, 'running'))
    .orderBy(asc(enrollmentJobs.createdAt))
    .limit(100);
  return rows.map((row) => row.id);
}
