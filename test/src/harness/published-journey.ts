import { randomUUID } from 'node:crypto';
import { journeys, journeyVersions, type Database } from '@touchpoint/db';

/**
 * Stores `definition` as version 1 of a new active journey, straight into the database: for engine
 * tests and benchmarks that enroll clients themselves and have no API to publish through.
 */
export async function insertPublishedJourney(
  db: Database,
  definition: unknown,
  name?: string,
): Promise<string> {
  const [row] = await db
    .insert(journeys)
    .values({
      name: name ?? `journey ${randomUUID()}`,
      draft: definition as never,
      status: 'active',
      currentVersion: 1,
    })
    .returning({ id: journeys.id });
  if (!row) throw new Error('insertPublishedJourney: no row returned');
  await db.insert(journeyVersions).values({ journeyId: row.id, number: 1, definition: definition as never });
  return row.id;
}
