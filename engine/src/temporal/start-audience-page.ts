import type { StartAudiencePage } from '@touchpoint/activities';
import { mapWithLimit } from './map-with-limit';
import { loadCurrentVersion, startOnVersion } from './start-journey';
import type { StartJourneyDeps } from './start-journey';

/**
 * Temporal calls in flight per page: enough to keep the frontend busy, few enough that one audience
 * run leaves room for the router and the workers on a small machine (the router uses 16 too).
 */
export const AUDIENCE_START_CONCURRENCY = 16;

/**
 * The `startAudiencePage` dependency of `createJourneyActivities` (schedule entry): enrolls one page
 * of a segment in the journey's current version, read once per page, 16 clients at a time. Results
 * come back in the order of `clientIds`; `onStarted` is called after each client (the activity
 * heartbeats from it, so a slow page is not mistaken for a dead worker).
 */
export function createStartAudiencePage(deps: StartJourneyDeps): StartAudiencePage {
  return async (input, onStarted) => {
    const target = await loadCurrentVersion(deps.db, input.journeyId);
    if ('reason' in target)
      return input.clientIds.map(() => ({ status: 'notStarted', reason: target.reason }) as const);
    return mapWithLimit(input.clientIds, AUDIENCE_START_CONCURRENCY, async (clientId) => {
      const request = { journeyId: input.journeyId, clientId, enrollmentKey: input.enrollmentKey };
      const result = await startOnVersion(
        deps,
        target,
        { ...request, source: 'segment' },
        input.mayHaveStarted,
      );
      onStarted();
      return result;
    });
  };
}
