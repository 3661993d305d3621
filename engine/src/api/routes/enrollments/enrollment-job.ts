import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Database, EnrollmentJobFailure, EnrollmentJobRowInput } from '@touchpoint/db';
import {
  findEnrollmentJob,
  findEnrollmentJobProgress,
  findPublishedVersion,
  finishEnrollmentJob,
  recordEnrollmentChunk,
  resolveClientIds,
  type EnrollmentJobProgress,
} from '@touchpoint/domain';
import { journeyWorkflowId, mapWithLimit } from '../../../temporal';
import { ApiError } from '../../api-error';
import { enrollOne } from './enroll-clients';
import type { EnrollDeps, EnrollOutcome, PublishedVersion } from './enroll-clients';

/** Rows per progress update; also how many workflow starts are requested per round trip. */
export const DEFAULT_CHUNK_SIZE = 200;
const CONCURRENCY = 16;
/** Memo key naming the CSV job that started a run, so a resumed job recognises its own runs. */
export const ENROLLMENT_JOB_MEMO = 'enrollmentJob';

const FAILURE_REASONS = {
  unknownClient: 'unknown client (create it with PUT /v1/clients/:id first)',
  alreadyEnrolled: 'already enrolled (the journey re-entry policy forbids another run)',
  duplicateRow: 'listed earlier in the file',
} as const;

/** The job's progress, or a 404 naming the id. */
export async function loadEnrollmentJob(db: Database, jobId: string): Promise<EnrollmentJobProgress> {
  const job = await findEnrollmentJobProgress(db, jobId);
  if (job === undefined) throw new ApiError('not_found', `params.id: no enrollment job "${jobId}"`);
  return job;
}

/** Whether the run now holding `workflowId` was started by this job (before a crash cut it short). */
async function isStartedByJob(temporal: Client, workflowId: string, jobId: string): Promise<boolean> {
  try {
    const description = await temporal.workflow.getHandle(workflowId).describe();
    return description.memo?.[ENROLLMENT_JOB_MEMO] === jobId;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

type MarkedRow = EnrollmentJobRowInput & { isDuplicate: boolean };
type RowOutcome = EnrollOutcome | 'duplicateRow';

interface ChunkContext {
  deps: EnrollDeps;
  target: PublishedVersion;
  jobId: string;
  /**
   * The chunk may have been worked on by a process that died before recording it: each row's run
   * is looked up first, and one this job started counts as enrolled instead of being started again
   * (a journey allowing re-entry after exit would otherwise take the client twice).
   */
  mayBeStarted: boolean;
}

async function enrollRow(context: ChunkContext, row: MarkedRow, clientId: string): Promise<RowOutcome> {
  const { deps, target, jobId } = context;
  const enrollmentKey = `csv:${jobId}`;
  if (context.mayBeStarted) {
    const key = target.definition.settings.reentry === 'concurrent' ? enrollmentKey : null;
    const workflowId = journeyWorkflowId(target.journeyId, clientId, key);
    if (await isStartedByJob(deps.temporal, workflowId, jobId)) return 'enrolled';
  }
  const result = await enrollOne(deps, target, clientId, {
    source: 'csv',
    enrollmentKey,
    memo: { [ENROLLMENT_JOB_MEMO]: jobId },
  });
  return result.outcome;
}

/** Enrolls one chunk, then records its outcome and moves the job's cursor past it in one statement. */
async function runChunk(context: ChunkContext, rows: readonly MarkedRow[]): Promise<void> {
  const { db } = context.deps;
  const ids = await resolveClientIds(
    db,
    rows.map((row) => row.clientId),
  );
  const outcomes = await mapWithLimit(rows, CONCURRENCY, async (row): Promise<RowOutcome> => {
    const clientId = ids.get(row.clientId);
    if (row.isDuplicate) return 'duplicateRow';
    if (clientId === undefined) return 'unknownClient';
    return enrollRow(context, row, clientId);
  });
  const failures: EnrollmentJobFailure[] = rows.flatMap((row, i) => {
    const outcome = outcomes[i]!;
    return outcome === 'enrolled'
      ? []
      : [{ line: row.line, clientId: row.clientId, reason: FAILURE_REASONS[outcome], code: outcome }];
  });
  await recordEnrollmentChunk(db, context.jobId, rows.length, failures);
}

/** Marks each row whose client appeared earlier in the file (decided over the whole file, so a resume agrees). */
function markDuplicates(rows: readonly EnrollmentJobRowInput[]): MarkedRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const isDuplicate = seen.has(row.clientId);
    seen.add(row.clientId);
    return { ...row, isDuplicate };
  });
}

/** How one run of {@link continueEnrollmentJob} went. */
export type JobRunEnd = 'completed' | 'failed' | 'stopped' | 'notRunning';

/**
 * Continues a running job from its cursor (`done`) to the end, recording progress after each chunk.
 * The caller holds the job's lease and passes its connection as `deps.db`; `isResumed` says another
 * process may have worked on the job (so its next chunk is checked for runs already started);
 * `stop` (the lease was lost, or the process shuts down) ends the run after the chunk in progress,
 * leaving the job `running` for the next process. An unexpected error (Temporal unreachable) ends
 * the job as `failed` with the cause, keeping the counts.
 */
export async function continueEnrollmentJob(
  deps: EnrollDeps,
  jobId: string,
  options: { isResumed: boolean; chunkSize?: number; stop: AbortSignal },
): Promise<JobRunEnd> {
  const job = await findEnrollmentJob(deps.db, jobId);
  if (job === undefined || job.status !== 'running') return 'notRunning';
  if (job.rows.length !== job.total) {
    await finishEnrollmentJob(
      deps.db,
      jobId,
      'failed',
      'the upload was not kept with this job; upload the file again',
    );
    return 'failed';
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const marked = markDuplicates(job.rows);
  try {
    // The version the job was uploaded for, kept even when the journey has published newer ones since.
    const target = await findPublishedVersion(deps.db, job.journeyId, job.journeyVersion);
    if (target === undefined) throw new Error(`journey version ${job.journeyVersion} no longer exists`);
    let mayBeStarted = options.isResumed;
    for (let start = job.done; start < marked.length; start += chunkSize) {
      // Without the lease another process may be running this job: leave it to that one.
      if (options.stop.aborted) return 'stopped';
      await runChunk({ deps, target, jobId, mayBeStarted }, marked.slice(start, start + chunkSize));
      mayBeStarted = false;
    }
    await finishEnrollmentJob(deps.db, jobId, 'completed', null);
    return 'completed';
  } catch (error) {
    if (options.stop.aborted) return 'stopped';
    await finishEnrollmentJob(
      deps.db,
      jobId,
      'failed',
      error instanceof Error ? error.message : String(error),
    );
    throw error;
  }
}
