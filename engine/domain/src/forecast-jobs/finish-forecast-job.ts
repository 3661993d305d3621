import type { ForecastResult } from '@touchpoint/language/api-contract';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { forecastJobs } from '@touchpoint/db';

// Each write touches a job only while it is `running`: a job failed because its process was
// thought gone stays failed, whatever a late write of that process says.

/** Ends a running job with its results, every client-day done. */
export async function completeForecastJob(
  db: Database,
  jobId: string,
  results: ForecastResult[],
): Promise<void> {
  const at = new Date();
  await db
    .update(forecastJobs)
    .set({ status: 'completed', results, done: forecastJobs.total, finishedAt: at, updatedAt: at })
    .where(and(eq(forecastJobs.id, jobId), eq(forecastJobs.status, 'running')));
}

/** Ends a running job as failed, saying why. */
export async function failForecastJob(db: Database, jobId: string, error: string): Promise<void> {
  const at = new Date();
  await db
    .update(forecastJobs)
    .set({ status: 'failed', error, finishedAt: at, updatedAt: at })
    .where(and(eq(forecastJobs.id, jobId), eq(forecastJobs.status, 'running')));
}
