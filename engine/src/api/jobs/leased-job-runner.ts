import type { Database } from '@touchpoint/db';
import { LeaseBusyError, withExclusiveLease } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import { startRepeatingPass, type RepeatingPass } from '../../background/start-repeating-pass';

/** How often an API process looks for running jobs nobody holds (their process died). */
export const DEFAULT_RESUME_INTERVAL_MS = 5_000;
/** Jobs one process runs at once; each holds one database connection (its lease) while it runs. */
export const DEFAULT_MAX_RUNNING_JOBS = 4;

/** One kind of durable job: how to find the running ones and how to continue one. */
export interface LeasedJobKind {
  /** Names the lease keys and the log lines (`enrollment-job`, `exit-job`). */
  name: string;
  /** Ids of jobs still `running`, oldest first. */
  listRunning(db: Database): Promise<string[]>;
  /**
   * Continues a job on the lease's own connection `leased`; `isResumed` says another process may
   * have worked on it; `stop` fires when the lease is lost or this process shuts down.
   */
  run(leased: Database, jobId: string, options: { isResumed: boolean; stop: AbortSignal }): Promise<unknown>;
}

export interface LeasedJobRunnerOptions {
  db: Database;
  log: FastifyBaseLogger;
  kind: LeasedJobKind;
  intervalMs?: number;
  maxJobs?: number;
}

/** Runs durable jobs of one kind in this process: new ones at once, orphaned ones on a timer. */
export interface LeasedJobRunner {
  /** Looks for running jobs now and every interval after (the first look resumes any orphaned job). */
  start(): void;
  /** Takes up a job this process just created, without the checks a resumed job needs. */
  runNewJob(jobId: string): void;
  /** Stops looking; running jobs end after their step in progress and stay `running` for another process. */
  stop(): Promise<void>;
}

/**
 * Jobs are durable rows, and whoever holds a job's exclusive lease runs it. The lease is a
 * PostgreSQL advisory lock on the runner's own connection, freed the moment its process dies, so a
 * job whose process was killed is taken over by the next look of any API process (at its start, or
 * within `intervalMs`), and two processes never run one job at once.
 */
export function createLeasedJobRunner(options: LeasedJobRunnerOptions): LeasedJobRunner {
  const { db, log, kind } = options;
  const intervalMs = options.intervalMs ?? DEFAULT_RESUME_INTERVAL_MS;
  const maxJobs = options.maxJobs ?? DEFAULT_MAX_RUNNING_JOBS;
  const active = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let looking: RepeatingPass | null = null;

  /** Starts running a job if its lease is free; resolves with whether this process took it. */
  const takeUp = (jobId: string, isResumed: boolean): Promise<boolean> => {
    let reportTaken: (taken: boolean) => void = () => {};
    let hasRun = false;
    const taken = new Promise<boolean>((resolve) => (reportTaken = resolve));
    const run = withExclusiveLease(db, `${kind.name}:${jobId}`, async (leased, leaseLost) => {
      reportTaken(true);
      hasRun = true;
      const stop = AbortSignal.any([leaseLost, stopping.signal]);
      const end = await kind.run(leased, jobId, { isResumed, stop });
      log.info({ jobId, end, isResumed }, `${kind.name} run ended`);
    })
      .catch((error: unknown) => {
        if (error instanceof LeaseBusyError) return;
        log.error({ err: error, jobId }, `${kind.name} failed`);
      })
      .finally(() => {
        reportTaken(false);
        active.delete(jobId);
        // A slot is free: a job waiting for one need not wait for the next interval. (Only after a
        // run: a job busy elsewhere would otherwise be retried in a tight loop.)
        if (hasRun && !stopping.signal.aborted) looking?.wake();
      });
    active.set(jobId, run);
    return taken;
  };

  const lookForOrphans = async () => {
    for (const id of await kind.listRunning(db)) {
      if (active.size >= maxJobs || stopping.signal.aborted) return;
      if (!active.has(id)) await takeUp(id, true);
    }
  };

  return {
    start() {
      looking ??= startRepeatingPass({
        pass: lookForOrphans,
        intervalMs,
        onError: (error) => log.warn({ err: error }, `looking for ${kind.name}s failed; retrying`),
      });
    },
    runNewJob(jobId) {
      if (active.size >= maxJobs || active.has(jobId)) return;
      void takeUp(jobId, false);
    },
    async stop() {
      stopping.abort();
      await looking?.stop();
      await Promise.all(active.values());
    },
  };
}
