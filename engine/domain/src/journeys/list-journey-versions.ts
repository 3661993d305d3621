import { journeyVersions, type Executor, type JourneyVersionRow } from '@touchpoint/db';
import { desc, eq } from 'drizzle-orm';

/** The journey's published versions, newest first. */
export async function listJourneyVersions(db: Executor, journeyId: string): Promise<JourneyVersionRow[]> {
  return db
    .select()
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number));
}
