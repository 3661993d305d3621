import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { audienceRuns } from '@touchpoint/db';
import type { AudienceRunRow, AudienceRunStatus } from '@touchpoint/db';

/** The counts of an audience run so far (the activity's own totals). */
export interface AudienceRunCounts {
  members: number;
  started: number;
  alreadyRunning: number;
  notStarted: number;
}

/** Creates the run's progress row, or marks an existing one as resumed by attempt `attempt`. */
export async function beginAudienceRun(
  db: Executor,
  run: { journeyId: string; runKey: string; segment: string; attempt: number },
): Promise<void> {
  await db
    .insert(audienceRuns)
    .values({ journeyId: run.journeyId, runKey: run.runKey, segment: run.segment, attempts: run.attempt })
    .onConflictDoUpdate({
      target: audienceRuns.runKey,
      set: { status: 'running', attempts: run.attempt, finishedAt: null, updatedAt: sql`now()` },
    });
}

/** Sets the run's counts and cursor after a page (set, not added: a resumed attempt reports its totals). */
export async function recordAudienceProgress(
  db: Executor,
  runKey: string,
  counts: AudienceRunCounts,
  lastClientId: string | null,
): Promise<void> {
  await db
    .update(audienceRuns)
    .set({ ...counts, lastClientId, updatedAt: sql`now()` })
    .where(eq(audienceRuns.runKey, runKey));
}

/** Marks the run finished (`completed`, or `failed` when it stopped for good). */
export async function finishAudienceRun(
  db: Executor,
  runKey: string,
  status: Exclude<AudienceRunStatus, 'running'>,
): Promise<void> {
  await db
    .update(audienceRuns)
    .set({ status, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(audienceRuns.runKey, runKey));
}

/** A journey's most recent audience runs, newest first. */
export async function listAudienceRuns(
  db: Executor,
  journeyId: string,
  limit = 20,
): Promise<AudienceRunRow[]> {
  return db
    .select()
    .from(audienceRuns)
    .where(eq(audienceRuns.journeyId, journeyId))
    .orderBy(desc(audienceRuns.createdAt))
    .limit(limit);
}
