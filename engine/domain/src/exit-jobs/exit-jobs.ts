import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { enrollments, exitJobs } from '@touchpoint/db';
import type { ExitJobReason, ExitJobRow } from '@touchpoint/db';

/** An exit job as the API shows it: its row plus how many of its clients have actually left. */
export type ExitJobProgress = ExitJobRow & { left: number };

/** How many clients are inside `journeyId` now (enrollments still active). */
export async function countClientsInside(db: Database, journeyId: string): Promise<number> {
  const [inside] = await db
    .select({ total: count() })
    .from(enrollments)
    .where(and(eq(enrollments.journeyId, journeyId), eq(enrollments.status, 'active')));
  return inside?.total ?? 0;
}

/** Starts an exit job for the clients inside `journeyId` now; null when nobody is inside. */
export async function createExitJob(
  db: Database,
  journeyId: string,
  reason: ExitJobReason,
): Promise<ExitJobRow | null> {
  const total = await countClientsInside(db, journeyId);
  if (total === 0) return null;
  const [job] = await db.insert(exitJobs).values({ journeyId, reason, total }).returning();
  return job!;
}

/** The journey's latest exit job with its live count of clients who left, or null. */
export async function loadLatestExitJob(db: Database, journeyId: string): Promise<ExitJobProgress | null> {
  const [job] = await db
    .select()
    .from(exitJobs)
    .where(eq(exitJobs.journeyId, journeyId))
    .orderBy(desc(exitJobs.createdAt))
    .limit(1);
  if (!job) return null;
  const [left] = await db
    .select({ left: count() })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.journeyId, journeyId),
        eq(enrollments.status, 'exited'),
        eq(enrollments.exitReason, job.reason),
        gte(enrollments.exitedAt, job.createdAt),
      ),
    );
  return { ...job, left: left?.left ?? 0 };
}

export async function loadExitJob(db: Database, jobId: string): Promise<ExitJobRow | null> {
  const [job] = await db.select().from(exitJobs).where(eq(exitJobs.id, jobId));
  return job ?? null;
}

/** Ids of exit jobs still running, oldest first (for the resume sweep). */
export async function listRunningExitJobs(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: exitJobs.id })
    .from(exitJobs)
    .where(eq(exitJobs.status, 'running'))
    .orderBy(asc(exitJobs.createdAt))
    .limit(100);
  return rows.map((row) => row.id);
}

/** Where a job's walk over the journey's active enrollments stands: the last one it asked. */
export interface EnrollmentCursor {
  createdAt: Date;
  id: string;
}

/**
 * The next page of the journey's active enrollments after `cursor`, in creation order. A client
 * enrolled while the job runs (a start already in flight at the pause) comes after the cursor, so
 * the walk reaches it too.
 */
export async function pageActiveEnrollments(
  db: Database,
  journeyId: string,
  cursor: EnrollmentCursor | null,
  limit: number,
): Promise<{ id: string; workflowId: string; createdAt: Date }[]> {
  // Compared at millisecond precision: the cursor travels as a JS Date, the column keeps microseconds.
  const createdMs = sql<Date>`date_trunc('milliseconds', ${enrollments.createdAt})`;
  const after =
    cursor === null
      ? undefined
      : sql`(${createdMs}, ${enrollments.id}) > (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
  return db
    .select({ id: enrollments.id, workflowId: enrollments.workflowId, createdAt: enrollments.createdAt })
    .from(enrollments)
    .where(and(eq(enrollments.journeyId, journeyId), eq(enrollments.status, 'active'), after))
    .orderBy(asc(createdMs), asc(enrollments.id))
    .limit(limit);
}

/**
 * Records how many clients this run of the job has asked to leave. A resumed job asks again from
 * the start, so the count is the larger of the stored one and this run's (never counted twice).
 */
export async function recordExitJobProgress(db: Database, jobId: string, signalledThisRun: number) {
  await db
    .update(exitJobs)
    .set({
      signalled: sql`greatest(${exitJobs.signalled}, ${signalledThisRun})`,
      total: sql`greatest(${exitJobs.total}, ${signalledThisRun})`,
      updatedAt: new Date(),
    })
    .where(eq(exitJobs.id, jobId));
}

/** Ends a running job (a cancelled one stays cancelled). */
export async function finishExitJob(
  db: Database,
  jobId: string,
  status: 'completed' | 'failed',
  error: string | null,
) {
  const at = new Date();
  await db
    .update(exitJobs)
    .set({ status, error, finishedAt: at, updatedAt: at })
    .where(and(eq(exitJobs.id, jobId), eq(exitJobs.status, 'running')));
}

/** Stops the journey's running exit jobs (it was resumed: clients not yet asked stay inside). */
export async function cancelExitJobs(db: Database, journeyId: string): Promise<void> {
  const at = new Date();
  await db
    .update(exitJobs)
    .set({ status: 'cancelled', finishedAt: at, updatedAt: at })
    .where(and(eq(exitJobs.journeyId, journeyId), eq(exitJobs.status, 'running')));
}
