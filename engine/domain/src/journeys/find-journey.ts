import { journeys, type Executor, type JourneyRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The journey with this id (its draft, status and current version), or undefined. */
export async function findJourney(db: Executor, id: string): Promise<JourneyRow | undefined> {
  const [row] = await db.select().from(journeys).where(eq(journeys.id, id));
  return row;
}
