import { journeyVersions, type Executor } from '@touchpoint/db';
import { JourneyDefinition } from '@touchpoint/language';
import { and, eq } from 'drizzle-orm';
import { findJourney } from './find-journey';

/** The published version new enrollments of a journey start on. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
}

/** Why a journey cannot take new clients now (null when it can). */
export type NotEnrollableReason = 'journeyNotFound' | 'journeyNotActive' | 'journeyNotPublished';

/** Loads a journey's current published version, or why none can be enrolled into. */
export async function loadCurrentVersion(
  db: Executor,
  journeyId: string,
): Promise<PublishedVersion | { reason: NotEnrollableReason }> {
  const journey = await findJourney(db, journeyId);
  if (!journey) return { reason: 'journeyNotFound' };
  if (journey.status !== 'active') return { reason: 'journeyNotActive' };
  if (journey.currentVersion === null) return { reason: 'journeyNotPublished' };
  const [row] = await db
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, journey.currentVersion)));
  if (!row) return { reason: 'journeyNotPublished' };
  return { journeyId, version: row.number, definition: JourneyDefinition.parse(row.definition) };
}
