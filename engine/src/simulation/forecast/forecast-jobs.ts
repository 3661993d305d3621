import { randomUUID } from 'node:crypto';
import {
  completeForecastJob,
  createForecastJob,
  failForecastJob,
  FORECAST_PROCESS_STOPPED,
  forecastJobLeaseKey,
  recordForecastProgress,
} from '@touchpoint/domain';
import { withExclusiveLease, type Database } from '@touchpoint/db';
import type { ForecastJob, ForecastResult } from '@touchpoint/language/api-contract';
import type { FastifyBaseLogger } from 'fastify';
import { throttleProgress } from './throttle-progress';

/** Progress is written at most this often (a forecast reports after every simulated day). */
export const PROGRESS_WRITE_INTERVAL_MS = 500;

/**
 * What a job runs: reports client-days done as it goes, answers one result per version. `stop`
 * fires when the job is given up (this process is closing, or it lost the job's lease); the work
 * should end soon after, its answer is no longer read.
 */
export type ForecastWork = (progress: (done: number) => void, stop: AbortSignal) => Promise<ForecastResult[]>;

export interface ForecastJobSpec {
  journeyId: string;
  total: number;
  callCapacityPerDay: number | null;
}

/** The forecasts this process runs, each a row of `forecast_jobs` that any process reads. */
export interface ForecastJobs {
  /** Stores the job, under this process's lease on it, and starts the work; resolves once stored. */
  start(spec: ForecastJobSpec, work: ForecastWork): Promise<ForecastJob>;
  /** Ends every job still running here as `failed` (the process is closing) and lets go of them. */
  stop(): Promise<void>;
}

/**
 * A forecast runs in this process's simulated world, which no other process can take over, so a
 * job is never resumed: whoever reads a job whose process is gone ends it `failed`
 * (`findForecastJob`). What tells them is the job's lease, which this process takes before the row
 * exists and keeps, on a connection of its own, until the job's end is written on it.
 */
export function createForecastJobs(db: Database, log: FastifyBaseLogger): ForecastJobs {
  const running = new Set<Promise<void>>();
  const closing = new AbortController();

  async function runJob(leased: Database, jobId: string, work: ForecastWork, stop: AbortSignal) {
    const progress = throttleProgress((done) => recordForecastProgress(leased, jobId, done), {
      intervalMs: PROGRESS_WRITE_INTERVAL_MS,
      onError: (error) => log.warn({ err: error, jobId }, 'forecast progress not written'),
    });
    const outcome = work(progress.report, stop).then(
      (results) => ({ results }),
      (error: unknown) => ({ error }),
    );
    // Given up, the job does not wait for the work to notice: the simulator checks between days.
    const end = await Promise.race([outcome, whenAborted(stop)]);
    await progress.close();
    if (end === 'aborted') {
      // A lost lease means a lost connection: the next reader ends the job, nothing can be written here.
      if (closing.signal.aborted) await failForecastJob(leased, jobId, FORECAST_PROCESS_STOPPED);
    } else if ('results' in end) await completeForecastJob(leased, jobId, end.results);
    else
      await failForecastJob(
        leased,
        jobId,
        end.error instanceof Error ? end.error.message : String(end.error),
      );
  }

  return {
    start(spec, work) {
      const id = randomUUID();
      return new Promise<ForecastJob>((resolve, reject) => {
        let isStored = false;
        const run = withExclusiveLease(db, forecastJobLeaseKey(id), async (leased, leaseLost) => {
          resolve(await createForecastJob(leased, { id, ...spec }));
          isStored = true;
          await runJob(leased, id, work, AbortSignal.any([leaseLost, closing.signal]));
        })
          .catch((error: unknown) => {
            // Before the row is stored this is the caller's error; after, the job's end went unwritten.
            if (!isStored) reject(error);
            else log.error({ err: error, jobId: id }, 'forecast job ended without its end written');
          })
          .finally(() => running.delete(run));
        running.add(run);
      });
    },
    async stop() {
      closing.abort();
      await Promise.all(running);
    },
  };
}

function whenAborted(signal: AbortSignal): Promise<'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
}
