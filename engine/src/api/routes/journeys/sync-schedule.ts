import type { Client } from '@temporalio/client';
import { ScheduleNotFoundError } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { desc, eq, journeyVersions } from '@touchpoint/db';
import { journeyScheduleId, syncJourneySchedule } from '../../../temporal';
import { loadJourney } from './load-journey';

/** What keeping a journey's Temporal Schedule in step needs; without `temporal` nothing is done. */
export interface ScheduleDeps {
  db: Database;
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
  if (journey.status === 'archived') {
    await deps.temporal.schedule
      .getHandle(journeyScheduleId(journeyId))
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
    return;
  }
  const [latest] = await deps.db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number))
    .limit(1);
  if (!latest) return;
  await syncJourneySchedule({
    client: deps.temporal,
    journeyId,
    definition: latest.definition,
    taskQueue: deps.taskQueue,
    isPaused: journey.status === 'paused',
  });
}
