import { journeyVersions, type Executor } from '@touchpoint/db';
import { JourneyDefinition } from '@touchpoint/language';
import { and, eq } from 'drizzle-orm';

/** A published version enrollments start on: its journey, number and parsed definition. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
}

/** The published version with this number (kept when newer ones are published), or undefined. */
export async function findPublishedVersion(
  db: Executor,
  journeyId: string,
  version: number,
): Promise<PublishedVersion | undefined> {
  const [row] = await db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, version)));
  if (row === undefined) return undefined;
  return { journeyId, version, definition: JourneyDefinition.parse(row.definition) };
}
