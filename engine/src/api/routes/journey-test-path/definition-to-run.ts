import type { Database } from '@touchpoint/db';
import { parseDefinition, type ChannelKind, type JourneyDefinition } from '@touchpoint/language';
import { checkJourney } from '@touchpoint/domain';
import { ApiError } from '../../api-error';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';

/** The definition to run: the draft (checked as publish would) or a stored version. */
export async function definitionToRun(
  options: { db: Database; channels?: readonly ChannelKind[] | undefined },
  journeyId: string,
  version: 'draft' | number,
  field: string,
) {
  const journey = await loadJourney(options.db, journeyId);
  if (version === 'draft') {
    const problems = await checkJourney(options.db, journey.draft, options.channels);
    if (problems.length > 0)
      throw new ApiError('invalid_journey', `the draft has ${problems.length} problem(s)`, { problems });
    const definition = parseDefinition(journey.draft).definition as JourneyDefinition;
    // A draft runs as the version it would become when published.
    return { journey, version: { label: version, number: (journey.currentVersion ?? 0) + 1, definition } };
  }
  const row = await loadVersion(options.db, journeyId, version, field);
  const { definition } = parseDefinition(row.definition);
  if (!definition) throw new ApiError('conflict', `${field}: version ${version} no longer parses`);
  return { journey, version: { label: version, number: version, definition } };
}
