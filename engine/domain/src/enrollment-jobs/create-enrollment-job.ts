import { enrollmentJobs, type Executor, type EnrollmentJobRowInput } from '@touchpoint/db';
import type { PublishedVersion } from '../journeys/find-published-version';
import { enrollmentJobProgressColumns, type EnrollmentJobProgress } from './enrollment-job-progress';

/** Stores a new job together with its parsed rows, so that any API process can finish it. */
export async function createEnrollmentJob(
  db: Executor,
  target: Pick<PublishedVersion, 'journeyId' | 'version'>,
  rows: readonly EnrollmentJobRowInput[],
): Promise<EnrollmentJobProgress> {
  const [job] = await db
    .insert(enrollmentJobs)
    .values({
      journeyId: target.journeyId,
      journeyVersion: target.version,
      total: rows.length,
      rows: [...rows],
    })
    .returning(enrollmentJobProgressColumns);
  return job!;
}
