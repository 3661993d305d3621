import type { Database, EnrollmentJobFailure, EnrollmentJobRow } from '@touchpoint/db';
import { enrollmentJobs, eq, sql } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../../api-error';
import { enrollOne, mapWithLimit, resolveClients } from './enroll-clients';
import type { EnrollDeps, PublishedVersion } from './enroll-clients';
import type { CsvClientRow } from './parse-client-csv';

/** Rows per progress update; also how many workflow starts are requested per round trip. */
const CHUNK = 200;
const CONCURRENCY = 16;
/** Failures kept with their reasons; the counts stay exact beyond it. */
const MAX_REPORTED_FAILURES = 1000;

const FAILURE_REASONS = {
  unknownClient: 'unknown client (create it with PUT /v1/clients/:id first)',
  alreadyEnrolled: 'already enrolled (the journey re-entry policy forbids another run)',
  duplicateRow: 'listed earlier in the file',
} as const;

export async function createEnrollmentJob(db: Database, target: PublishedVersion, total: number) {
  const [job] = await db
    .insert(enrollmentJobs)
    .values({ journeyId: target.journeyId, journeyVersion: target.version, total })
    .returning();
  return job!;
}

export async function loadEnrollmentJob(db: Database, jobId: string): Promise<EnrollmentJobRow> {
  const [job] = await db.select().from(enrollmentJobs).where(eq(enrollmentJobs.id, jobId));
  if (job === undefined) throw new ApiError('not_found', `params.id: no enrollment job "${jobId}"`);
  return job;
}

async function runChunk(
  deps: EnrollDeps,
  target: PublishedVersion,
  jobId: string,
  rows: readonly (CsvClientRow & { isDuplicate: boolean })[],
): Promise<void> {
  const ids = await resolveClients(
    deps.db,
    rows.map((row) => row.clientId),
  );
  const outcomes = await mapWithLimit(rows, CONCURRENCY, async (row) => {
    const clientId = ids.get(row.clientId);
    if (row.isDuplicate) return 'duplicateRow' as const;
    if (clientId === undefined) return 'unknownClient' as const;
    const result = await enrollOne(deps, target, clientId, { source: 'csv', enrollmentKey: `csv:${jobId}` });
    return result.outcome;
  });
  const failures: EnrollmentJobFailure[] = rows.flatMap((row, i) => {
    const outcome = outcomes[i]!;
    return outcome === 'enrolled'
      ? []
      : [{ line: row.line, clientId: row.clientId, reason: FAILURE_REASONS[outcome] }];
  });
  const enrolled = rows.length - failures.length;
  await deps.db
    .update(enrollmentJobs)
    .set({
      done: sql`${enrollmentJobs.done} + ${rows.length}`,
      enrolled: sql`${enrollmentJobs.enrolled} + ${enrolled}`,
      failed: sql`${enrollmentJobs.failed} + ${failures.length}`,
      failures: sql`(select coalesce(jsonb_agg(f), '[]'::jsonb) from (select f from jsonb_array_elements(${enrollmentJobs.failures} || ${JSON.stringify(failures)}::jsonb) f limit ${MAX_REPORTED_FAILURES}) kept)`,
      updatedAt: new Date(),
    })
    .where(eq(enrollmentJobs.id, jobId));
}

/**
 * Enrolls the uploaded rows chunk by chunk, recording progress after each. Runs in the background of
 * the API process; an unexpected error (Temporal unreachable) stops the job as `failed` with the
 * cause, keeping the counts of what was already done.
 */
export async function runEnrollmentJob(
  deps: EnrollDeps & { log: FastifyBaseLogger },
  target: PublishedVersion,
  jobId: string,
  rows: readonly CsvClientRow[],
): Promise<void> {
  const seen = new Set<string>();
  const marked = rows.map((row) => {
    const isDuplicate = seen.has(row.clientId);
    seen.add(row.clientId);
    return { ...row, isDuplicate };
  });
  try {
    for (let start = 0; start < marked.length; start += CHUNK) {
      await runChunk(deps, target, jobId, marked.slice(start, start + CHUNK));
    }
    await finishJob(deps.db, jobId, 'completed', null);
  } catch (error) {
    deps.log.error({ err: error, jobId }, 'enrollment job failed');
    await finishJob(deps.db, jobId, 'failed', error instanceof Error ? error.message : String(error));
  }
}

async function finishJob(db: Database, jobId: string, status: 'completed' | 'failed', error: string | null) {
  const at = new Date();
  await db
    .update(enrollmentJobs)
    .set({ status, error, finishedAt: at, updatedAt: at })
    .where(eq(enrollmentJobs.id, jobId));
}
