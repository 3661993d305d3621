import type { ForecastJob } from '@touchpoint/language/api-contract';
import { and, desc, eq, ne, notInArray } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { forecastJobs } from '@touchpoint/db';
import { toForecastJob } from './to-forecast-job';

/**
 * Finished forecasts kept per journey; older ones are deleted when a new one starts. A forecast is a
 * question asked of a draft that keeps changing, so only the latest few are worth reading again,
 * and each holds its full results.
 */
export const KEPT_FORECASTS_PER_JOURNEY = 20;

export interface NewForecastJob {
  /** Chosen by the caller, who holds the job's lease before the row exists (`forecastJobLeaseKey`). */
  id: string;
  journeyId: string;
  total: number;
  callCapacityPerDay: number | null;
}

/** Stores a running forecast and drops the journey's finished ones past the latest kept. */
export async function createForecastJob(db: Database, job: NewForecastJob): Promise<ForecastJob> {
  const [row] = await db.insert(forecastJobs).values(job).returning();
  const kept = db
    .select({ id: forecastJobs.id })
    .from(forecastJobs)
    .where(and(eq(forecastJobs.journeyId, job.journeyId), ne(forecastJobs.status, 'running')))
    .orderBy(desc(forecastJobs.createdAt))
    .limit(KEPT_FORECASTS_PER_JOURNEY);
  await db
    .delete(forecastJobs)
    .where(
      and(
        eq(forecastJobs.journeyId, job.journeyId),
        ne(forecastJobs.status, 'running'),
        notInArray(forecastJobs.id, kept),
      ),
    );
  return toForecastJob(row!);
}
