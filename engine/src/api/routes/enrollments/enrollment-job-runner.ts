import { asc, enrollmentJobs, eq, LeaseBusyError, withExclusiveLease } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { EnrollDeps } from './enroll-clients';
import { continueEnrollmentJob } from './enrollment-job';

/** How often an API process looks for running jobs nobody holds (their process died). */
export const DEFAULT_RESUME_INTERVAL_MS = 5_000;
/** Jobs one process runs at once; each holds one database connection (its lease) while it runs. */
export const DEFAULT_MAX_RUNNING_JOBS = 4;

export interface EnrollmentJobRunnerOptions {
  deps: EnrollDeps;
  log: FastifyBaseLogger;
  intervalMs?: number;
  maxJobs?: number;
  /** Rows per progress update (tests make it small to stop a job between chunks). */
  chunkSize?: number;
}

/** Runs CSV enrollment jobs in this process: new uploads at once, orphaned ones on a timer. */
export interface EnrollmentJobRunner {
  /** Looks for running jobs now and every interval after (the first look resumes any orphaned job). */
  start(): void;
  /** Takes up a job this process just created, without the checks a resumed job needs. */
  runNewJob(jobId: string): void;
  /** Stops looking; running jobs end after their chunk in progress and stay `running` for another process. */
  stop(): Promise<void>;
}

const leaseKey = (jobId: string) => `enrollment-job:${jobId}`;

/**
 * Jobs are durable rows (the upload and a cursor), and whoever holds a job's exclusive lease runs
 * it. The lease is a PostgreSQL advisory lock on the runner's own connection, freed the moment its
 * process dies, so a job whose process was killed is taken over by the next look of any API process
 * (at its start, or within `intervalMs`), and two processes never run one job at once.
 */
export function createEnrollmentJobRunner(options: EnrollmentJobRunnerOptions): EnrollmentJobRunner {
  const { deps, log } = options;
  const intervalMs = options.intervalMs ?? DEFAULT_RESUME_INTERVAL_MS;
  const maxJobs = options.maxJobs ?? DEFAULT_MAX_RUNNING_JOBS;
  const active = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let looking: Promise<void> = Promise.resolve();
  let isStarted = false;

  /** Starts running a job if its lease is free; resolves with whether this process took it. */
  const takeUp = (jobId: string, isResumed: boolean): Promise<boolean> => {
    let reportTaken: (taken: boolean) => void = () => {};
    let hasRun = false;
    const taken = new Promise<boolean>((resolve) => (reportTaken = resolve));
    const run = withExclusiveLease(deps.db, leaseKey(jobId), async (leased, leaseLost) => {
      reportTaken(true);
      hasRun = true;
      const stop = AbortSignal.any([leaseLost, stopping.signal]);
      const end = await continueEnrollmentJob({ ...deps, db: leased }, jobId, {
        isResumed,
        stop,
        ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      });
      log.info({ jobId, end, isResumed }, 'enrollment job run ended');
    })
      .catch((error: unknown) => {
        if (error instanceof LeaseBusyError) return;
        log.error({ err: error, jobId }, 'enrollment job failed');
      })
      .finally(() => {
        reportTaken(false);
        active.delete(jobId);
        // A slot is free: a job waiting for one need not wait for the next interval. (Only after a
        // run: a job busy elsewhere would otherwise be retried in a tight loop.)
        if (hasRun && !stopping.signal.aborted && isStarted) lookSoon(0);
      });
    active.set(jobId, run);
    return taken;
  };

  const lookForOrphans = async () => {
    const running = await deps.db
      .select({ id: enrollmentJobs.id })
      .from(enrollmentJobs)
      .where(eq(enrollmentJobs.status, 'running'))
      .orderBy(asc(enrollmentJobs.createdAt))
      .limit(100);
    for (const { id } of running) {
      if (active.size >= maxJobs || stopping.signal.aborted) return;
      if (!active.has(id)) await takeUp(id, true);
    }
  };

  const lookSoon = (delayMs: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      looking = looking
        .then(lookForOrphans)
        .catch((error: unknown) => log.warn({ err: error }, 'looking for enrollment jobs failed; retrying'))
        .finally(() => {
          if (!stopping.signal.aborted && timer === null) lookSoon(intervalMs);
        });
    }, delayMs);
    // The look must never be what keeps a process (or a test) alive.
    timer.unref();
  };

  return {
    start() {
      isStarted = true;
      lookSoon(0);
    },
    runNewJob(jobId) {
      if (active.size >= maxJobs || active.has(jobId)) return;
      void takeUp(jobId, false);
    },
    async stop() {
      stopping.abort();
      if (timer !== null) clearTimeout(timer);
      await looking;
      await Promise.all(active.values());
    },
  };
}
