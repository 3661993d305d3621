import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { forecastJobs } from '@touchpoint/db';

// Like every write to a forecast, it touches the job only while it is `running`: a failed job stays failed.

/** Client-days simulated so far (callers throttle: a forecast reports far more often than this is worth). */
export async function recordForecastProgress(db: Database, jobId: string, done: number): Promise<void> {
  await db
    .update(forecastJobs)
    .set({
      done: sql`least(greatest(${forecastJobs.done}, ${done}), ${forecastJobs.total})`,
      updatedAt: new Date(),
    })
    .where(and(eq(forecastJobs.id, jobId), eq(forecastJobs.status, 'running')));
}
