import type { Database } from '@touchpoint/db';
import { parseDefinition, type ChannelKind, type JourneyDefinition } from '@touchpoint/language';
import { checkJourney } from '@touchpoint/domain';
import { ApiError } from '../../api-error';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';

/**
 * Refuses what publish would refuse, with publish's answer (422 `invalid_journey`, each problem on its
 * node). A stored version is checked too: one frozen before a rule it breaks, or naming a template
 * deleted since, would otherwise fail inside the run, where the marketer sees no reason.
 */
async function checkedDefinition(
  options: { db: Database; channels?: readonly ChannelKind[] | undefined },
  definition: unknown,
  what: string,
): Promise<JourneyDefinition> {
  const problems = await checkJourney(options.db, definition, options.channels);
  if (problems.length > 0)
    throw new ApiError('invalid_journey', `${what} has ${problems.length} problem(s)`, { problems });
  // No problems means it parses: the check starts with the same parse.
  return parseDefinition(definition).definition as JourneyDefinition;
}

/** The definition to run: the draft or a stored version, either checked as publish would. */
export async function definitionToRun(
  options: { db: Database; channels?: readonly ChannelKind[] | undefined },
  journeyId: string,
  version: 'draft' | number,
  field: string,
) {
  const journey = await loadJourney(options.db, journeyId);
  if (version === 'draft') {
    const definition = await checkedDefinition(options, journey.draft, 'the draft');
    // A draft runs as the version it would become when published.
    return { journey, version: { label: version, number: (journey.currentVersion ?? 0) + 1, definition } };
  }
  const row = await loadVersion(options.db, journeyId, version, field);
  const definition = await checkedDefinition(options, row.definition, `${field}: version ${version}`);
  return { journey, version: { label: version, number: version, definition } };
}
