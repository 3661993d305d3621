import { listRunningEnrollmentJobs } from '@touchpoint/domain';
import type { FastifyBaseLogger } from 'fastify';
import { createLeasedJobRunner } from '../../jobs/leased-job-runner';
import type { LeasedJobRunner } from '../../jobs/leased-job-runner';
import type { EnrollDeps } from './enroll-clients';
import { continueEnrollmentJob } from './enrollment-job';

export { DEFAULT_MAX_RUNNING_JOBS, DEFAULT_RESUME_INTERVAL_MS } from '../../jobs/leased-job-runner';

export interface EnrollmentJobRunnerOptions {
  deps: EnrollDeps;
  log: FastifyBaseLogger;
  intervalMs?: number;
  maxJobs?: number;
  /** Rows per progress update (tests make it small to stop a job between chunks). */
  chunkSize?: number;
}

/** Runs CSV enrollment jobs in this process: new uploads at once, orphaned ones on a timer. */
export type EnrollmentJobRunner = LeasedJobRunner;

/**
 * CSV jobs are durable rows (the upload and a cursor) run under an exclusive lease (see
 * {@link createLeasedJobRunner}): a job whose process was killed is resumed by the next look of any
 * API process, from its last recorded chunk.
 */
export function createEnrollmentJobRunner(options: EnrollmentJobRunnerOptions): EnrollmentJobRunner {
  const { deps } = options;
  return createLeasedJobRunner({
    db: deps.db,
    log: options.log,
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    ...(options.maxJobs !== undefined ? { maxJobs: options.maxJobs } : {}),
    kind: {
      name: 'enrollment-job',
      listRunning: listRunningEnrollmentJobs,
      run: (leased, jobId, { isResumed, stop }) =>
        continueEnrollmentJob({ ...deps, db: leased }, jobId, {
          isResumed,
          stop,
          ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
        }),
    },
  });
}
