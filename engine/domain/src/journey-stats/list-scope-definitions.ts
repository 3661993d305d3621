import { journeyVersions, type Executor } from '@touchpoint/db';
import { ofJourneyVersion, type StatsScope } from './stats-scope';

/** The stored definitions of the versions in scope (all the journey's, or the one asked for), by number. */
export async function listScopeDefinitions(db: Executor, scope: StatsScope) {
  return db
    .select({ number: journeyVersions.number, definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(ofJourneyVersion(journeyVersions.journeyId, journeyVersions.number, scope));
}
