import { journeys, type Executor, type JourneyRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import type { NewJourney } from './create-journey';

/**
 * Replaces the name, description and draft definition; published versions and the clients in them are
 * untouched. Undefined when no journey has the id.
 */
export async function saveJourneyDraft(
  db: Executor,
  id: string,
  draft: NewJourney,
): Promise<JourneyRow | undefined> {
  const [row] = await db
    .update(journeys)
    .set({ ...draft, updatedAt: new Date() })
    .where(eq(journeys.id, id))
    .returning();
  return row;
}
