import type { Client } from '@temporalio/client';
import { ScheduleNotFoundError } from '@temporalio/client';
import type { Executor } from '@touchpoint/db';
import { desc, eq, journeyVersions } from '@touchpoint/db';
import { JourneyDefinition } from '@touchpoint/language';
import { journeyScheduleId, syncJourneySchedule } from '../../../temporal';
import { loadJourney } from './load-journey';

/** What keeping a journey's Temporal Schedule in step needs; without `temporal` nothing is done. */
export interface ScheduleDeps {
  /** The database, or the transaction whose uncommitted state the schedule should follow. */
  db: Executor;
  temporal?: Client | undefined;
  taskQueue: string;
}

/**
 * Brings the journey's schedule entry in line with its state after publish / pause / resume /
 * archive: the latest version's cron runs while the journey is active, is paused with it (no new
 * entries), and is deleted when the journey is archived or no longer enters on a schedule.
 */
export async function syncScheduleOf(deps: ScheduleDeps, journeyId: string): Promise<void> {
  if (!deps.temporal) return;
  const journey = await loadJourney(deps.db, journeyId);
  // The latest two versions tell whether a schedule exists or must go; most journeys never had one,
  // and then Temporal is not asked at all.
  const [latest, previous] = await deps.db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number))
    .limit(2);
  if (!latest || ![latest, previous].some((version) => version && entersOnSchedule(version.definition)))
    return;
  if (journey.status === 'archived') {
    await deps.temporal.schedule
      .getHandle(journeyScheduleId(journeyId))
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
    return;
  }
  await syncJourneySchedule({
    client: deps.temporal,
    journeyId,
    definition: latest.definition,
    taskQueue: deps.taskQueue,
    isPaused: journey.status === 'paused',
  });
}

function entersOnSchedule(definition: unknown): boolean {
  const parsed = JourneyDefinition.safeParse(definition);
  const entry = parsed.success ? parsed.data.nodes.find((node) => node.kind === 'entry') : undefined;
  return entry?.kind === 'entry' && entry.config.trigger.kind === 'schedule';
}
