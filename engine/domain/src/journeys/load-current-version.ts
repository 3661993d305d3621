import type { Executor } from '@touchpoint/db';
import { findJourney } from './find-journey';
import { findPublishedVersion, type PublishedVersion } from './find-published-version';

/** Why a journey cannot take new clients now. */
export type NotEnrollableReason = 'journeyNotFound' | 'journeyNotActive' | 'journeyNotPublished';

/** Loads the published version new enrollments of a journey start on, or why none can be enrolled into. */
export async function loadCurrentVersion(
  db: Executor,
  journeyId: string,
): Promise<PublishedVersion | { reason: NotEnrollableReason }> {
  const journey = await findJourney(db, journeyId);
  if (!journey) return { reason: 'journeyNotFound' };
  if (journey.status !== 'active') return { reason: 'journeyNotActive' };
  if (journey.currentVersion === null) return { reason: 'journeyNotPublished' };
  const current = await findPublishedVersion(db, journeyId, journey.currentVersion);
  return current ?? { reason: 'journeyNotPublished' };
}
