import { journeyVersions, type Executor, type JourneyVersionRow } from '@touchpoint/db';
import { and, eq } from 'drizzle-orm';

/**
 * The stored row of one published version (its definition as stored, unparsed: a diff reads older
 * shapes too), or undefined.
 */
export async function findJourneyVersion(
  db: Executor,
  journeyId: string,
  number: number,
): Promise<JourneyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, number)));
  return row;
}
