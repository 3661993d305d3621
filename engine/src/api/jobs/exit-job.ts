import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import type { EnrollmentCursor } from '@touchpoint/domain';
import {
  finishExitJob,
  listRunningExitJobs,
  loadExitJob,
  pageActiveEnrollments,
  recordExitJobProgress,
} from '@touchpoint/domain';
import type { FastifyBaseLogger } from 'fastify';
import { exitEnrollmentSignal, mapWithLimit } from '../../temporal';
import { createLeasedJobRunner } from './leased-job-runner';
import type { LeasedJobRunner } from './leased-job-runner';

/** Enrollments asked per page (and per progress update). */
const PAGE_SIZE = 200;
const CONCURRENCY = 16;

/** How one run of {@link continueExitJob} went. */
export type ExitJobRunEnd = 'completed' | 'cancelled' | 'stopped' | 'notRunning' | 'failed';

async function askToLeave(temporal: Client, workflowId: string, reason: string): Promise<void> {
  try {
    await temporal.workflow.getHandle(workflowId).signal(exitEnrollmentSignal, { reason });
  } catch (error) {
    // The run ended meanwhile (it finished, or it already left): nothing to ask.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

/**
 * Asks every client still inside the job's journey to leave with the job's reason, page by page,
 * through the workflow's `exitEnrollmentSignal` (the run records the exit itself: status `exited`,
 * that reason). Asking twice is harmless, so a resumed job simply walks the active enrollments again.
 * Between pages it re-reads the job: a journey resumed meanwhile cancels it and the rest stay inside.
 */
export async function continueExitJob(
  deps: { db: Database; temporal: Client },
  jobId: string,
  stop: AbortSignal,
): Promise<ExitJobRunEnd> {
  const job = await loadExitJob(deps.db, jobId);
  if (job === null || job.status !== 'running') return 'notRunning';
  let cursor: EnrollmentCursor | null = null;
  let signalled = 0;
  try {
    for (;;) {
      if (stop.aborted) return 'stopped';
      if ((await loadExitJob(deps.db, jobId))?.status !== 'running') return 'cancelled';
      const page = await pageActiveEnrollments(deps.db, job.journeyId, cursor, PAGE_SIZE);
      if (page.length === 0) break;
      await mapWithLimit(page, CONCURRENCY, (row) => askToLeave(deps.temporal, row.workflowId, job.reason));
      signalled += page.length;
      await recordExitJobProgress(deps.db, jobId, signalled);
      const last = page.at(-1)!;
      cursor = { createdAt: last.createdAt, id: last.id };
    }
    await finishExitJob(deps.db, jobId, 'completed', null);
    return 'completed';
  } catch (error) {
    if (stop.aborted) return 'stopped';
    await finishExitJob(deps.db, jobId, 'failed', error instanceof Error ? error.message : String(error));
    return 'failed';
  }
}

/** Runs exit jobs in this API process: new ones at once, those whose process died on a timer. */
export function createExitJobRunner(options: {
  db: Database;
  temporal: Client;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): LeasedJobRunner {
  const { temporal } = options;
  return createLeasedJobRunner({
    db: options.db,
    log: options.log,
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    kind: {
      name: 'exit-job',
      listRunning: listRunningExitJobs,
      run: (leased, jobId, { stop }) => continueExitJob({ db: leased, temporal }, jobId, stop),
    },
  });
}
