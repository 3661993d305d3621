import type { ForecastJob } from '@touchpoint/language/api-contract';
import { eq } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { LeaseBusyError, withExclusiveLease } from '@touchpoint/db';
import { forecastJobs, type ForecastJobRow } from '@touchpoint/db';
import { failForecastJob } from './finish-forecast-job';
import { FORECAST_PROCESS_STOPPED, forecastJobLeaseKey } from './forecast-job-lease';
import { toForecastJob } from './to-forecast-job';

async function loadForecastJobRow(db: Database, jobId: string): Promise<ForecastJobRow | null> {
  const [row] = await db.select().from(forecastJobs).where(eq(forecastJobs.id, jobId));
  return row ?? null;
}

/**
 * A forecast as any API process sees it, or null. A job still `running` is only running while its
 * process holds the job's lease, so reading one tries that lease: busy, the job runs; free, the
 * process is gone (the lease is a session advisory lock, freed by the server the moment the
 * holder's connection closes, however the process died), and the job is ended `failed` here.
 *
 * Why a lease and not a heartbeat column: a heartbeat needs a staleness limit, and any limit is
 * wrong somewhere — a forecast's world runs PGlite and the time-skipping server in the API process,
 * and on a busy machine its event loop may go quiet past any sensible limit while the job is well.
 * The lease needs no clock: it lasts exactly as long as the holder's connection. It costs one
 * connection per running forecast, and the simulator runs one forecast at a time with a few waiting.
 *
 * The holder writes its end before it lets go of the lease, so once the lease is ours, a job still
 * `running` will never be finished by anyone.
 */
export async function findForecastJob(db: Database, jobId: string): Promise<ForecastJob | null> {
  const row = await loadForecastJobRow(db, jobId);
  if (row === null || row.status !== 'running') return row && toForecastJob(row);
  try {
    return await withExclusiveLease(db, forecastJobLeaseKey(jobId), async (leased) => {
      await failForecastJob(leased, jobId, FORECAST_PROCESS_STOPPED);
      const ended = await loadForecastJobRow(leased, jobId);
      return ended && toForecastJob(ended);
    });
  } catch (error) {
    if (error instanceof LeaseBusyError) return toForecastJob(row);
    throw error;
  }
}
