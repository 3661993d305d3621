import { journeys, journeyVersions, type Database, type Executor, type JourneyRow } from '@touchpoint/db';
import { haveSameBehaviour, type ChannelKind } from '@touchpoint/language';
import { desc, eq, sql } from 'drizzle-orm';
import { checkJourney } from './check-journey';
import { findJourney } from './find-journey';
import { PublishJourneyError } from './publish-journey-error';

/** What a publish needs beside the journey's id. */
export interface PublishJourneyOptions {
  /** The publisher's "what changed and why"; blank is no summary. */
  summary?: string | undefined;
  /** The channels this deployment sends on; without them, sends are not checked against them. */
  channels?: readonly ChannelKind[] | undefined;
  /**
   * Brings the journey's Temporal Schedule in line with what `db` holds: first the publish's own
   * transaction (its uncommitted version), then, when the commit failed, the database as it stayed.
   * The engine passes its Temporal call here, since the domain knows no Temporal.
   */
  syncSchedule: (db: Executor) => Promise<void>;
}

/**
 * Publishes the draft as the next version number, if it validates, all or nothing: the version row,
 * the journey's state and its Temporal Schedule change together. The schedule is brought in line
 * inside the database transaction (reading its uncommitted version), so a schedule Temporal refuses
 * rolls the publish back; if the commit itself fails after Temporal accepted, the schedule is put back
 * in step with what is stored (compensation). The unique (journey, number) index turns two concurrent
 * publishes into one success and one conflict. A draft that runs exactly as the current version makes
 * no new version: the answer is that version, `unchanged`.
 */
export async function publishJourney(db: Database, journeyId: string, options: PublishJourneyOptions) {
  const journey = await findJourney(db, journeyId);
  if (journey === undefined) throw new PublishJourneyError('journey_not_found', `no journey "${journeyId}"`);
  if (journey.status === 'archived')
    throw new PublishJourneyError('journey_archived', 'an archived journey cannot be published');
  const problems = await checkJourney(db, journey.draft, options.channels);
  if (problems.length > 0) {
    const message = `the draft has ${problems.length} problem(s)`;
    throw new PublishJourneyError('journey_invalid', message, problems);
  }
  const [latest] = await db
    .select()
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number))
    .limit(1);
  // A version identical to the live one would only add a row clients cannot tell apart. A publish of
  // another draft racing this one still meets the unique (journey, number) index, as before.
  if (
    latest &&
    latest.number === journey.currentVersion &&
    haveSameBehaviour(latest.definition, journey.draft)
  ) {
    return { ...latest, unchanged: true };
  }
  let scheduleTouched = false;
  try {
    return await db.transaction(async (tx) => {
      const version = await insertNextVersion(tx, journeyId, journey.draft, options.summary);
      scheduleTouched = true;
      await options.syncSchedule(tx);
      return { ...version, unchanged: false };
    });
  } catch (error) {
    if (scheduleTouched) await options.syncSchedule(db).catch(() => undefined);
    throw error;
  }
}

async function insertNextVersion(
  tx: Executor,
  journeyId: string,
  definition: JourneyRow['draft'],
  summary: string | undefined,
) {
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${journeyVersions.number}), 0)::int + 1` })
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId));
  const [version] = await tx
    .insert(journeyVersions)
    .values({ journeyId, number: next, definition, summary: summary?.trim() || null })
    .returning();
  await tx
    .update(journeys)
    .set({ currentVersion: next, status: 'active', updatedAt: new Date() })
    .where(eq(journeys.id, journeyId));
  return version!;
}
