import { journeyVersions, type Executor } from '@touchpoint/db';
import { and, eq, or } from 'drizzle-orm';

/** A published version, by journey id and number. */
export interface VersionRef {
  journeyId: string;
  version: number;
}

/** The stored definitions of these versions (each read once, however often it is named). */
export async function loadVersionDefinitions(db: Executor, versions: readonly VersionRef[]) {
  const unique = [...new Map(versions.map((v) => [`${v.journeyId}@${v.version}`, v])).values()];
  if (unique.length === 0) return [];
  return db
    .select({
      journeyId: journeyVersions.journeyId,
      number: journeyVersions.number,
      definition: journeyVersions.definition,
    })
    .from(journeyVersions)
    .where(
      or(
        ...unique.map((v) =>
          and(eq(journeyVersions.journeyId, v.journeyId), eq(journeyVersions.number, v.version)),
        ),
      ),
    );
}
