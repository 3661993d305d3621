import { randomUUID } from 'node:crypto';
import type { ForecastJob, ForecastResult } from '@touchpoint/language/api-contract';

/** Finished forecasts kept for reading; the oldest is dropped past it. */
const KEPT_JOBS = 50;

/** What a job runs: reports client-days done as it goes, answers one result per version. */
export type ForecastWork = (progress: (done: number) => void) => Promise<ForecastResult[]>;

/**
 * The forecasts of this process, in memory. A forecast lives in this process's simulated world and
 * writes nothing to the real database, so there is nothing another process could resume: a job lost
 * with its process is simply asked for again.
 */
export interface ForecastJobs {
  start(
    spec: { journeyId: string; total: number; callCapacityPerDay: number | null },
    work: ForecastWork,
  ): ForecastJob;
  find(id: string): ForecastJob | null;
}

export function createForecastJobs(): ForecastJobs {
  const jobs = new Map<string, ForecastJob>();
  return {
    start(spec, work) {
      const job: ForecastJob = {
        id: randomUUID(),
        journeyId: spec.journeyId,
        status: 'running',
        progress: { done: 0, total: spec.total },
        callCapacityPerDay: spec.callCapacityPerDay,
        results: [],
        error: null,
      };
      jobs.set(job.id, job);
      for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT_JOBS))) jobs.delete(id);
      work((done) => {
        job.progress = { done: Math.min(done, spec.total), total: spec.total };
      }).then(
        (results) => {
          Object.assign(job, {
            status: 'completed',
            results,
            progress: { done: spec.total, total: spec.total },
          });
        },
        (error: unknown) => {
          Object.assign(job, {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
        },
      );
      return { ...job };
    },
    find(id) {
      const job = jobs.get(id);
      return job ? { ...job } : null;
    },
  };
}
