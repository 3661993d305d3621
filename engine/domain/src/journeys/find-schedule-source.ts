import { journeyVersions, type Executor, type JourneyRow } from '@touchpoint/db';
import { desc, eq } from 'drizzle-orm';
import { findJourney } from './find-journey';

/** What a journey's Temporal Schedule follows: the journey's status and its latest two versions. */
export interface ScheduleSource {
  status: JourneyRow['status'];
  /** The latest version's definition as stored (its cron, when it enters on a schedule); undefined before a publish. */
  latest: unknown;
  /** The version before it: a schedule it had must go when the latest no longer enters on one. */
  previous: unknown;
}

/**
 * The journey's status and the definitions of its latest two published versions, or undefined when
 * there is no such journey. Read on `db` as given: inside a publish's transaction, its uncommitted
 * version is the latest.
 */
export async function findScheduleSource(
  db: Executor,
  journeyId: string,
): Promise<ScheduleSource | undefined> {
  const journey = await findJourney(db, journeyId);
  if (journey === undefined) return undefined;
  const [latest, previous] = await db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number))
    .limit(2);
  return { status: journey.status, latest: latest?.definition, previous: previous?.definition };
}
