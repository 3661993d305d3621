import { journeyVersions, type Executor } from '@touchpoint/db';
import { and, eq } from 'drizzle-orm';
import type { StatsScope } from './stats-scope';

/** The stored definitions of the versions in scope (all the journey's, or the one asked for), by number. */
export async function listScopeDefinitions(db: Executor, scope: StatsScope) {
  return db
    .select({ number: journeyVersions.number, definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(
      and(
        eq(journeyVersions.journeyId, scope.journeyId),
        scope.version === undefined ? undefined : eq(journeyVersions.number, scope.version),
      ),
    );
}
