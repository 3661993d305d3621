import type { Client } from '@temporalio/client';
import { ScheduleNotFoundError } from '@temporalio/client';
import type { Executor } from '@touchpoint/db';
import { findScheduleSource } from '@touchpoint/domain';
import { JourneyDefinition } from '@touchpoint/language';
import { journeyScheduleId, syncJourneySchedule } from '../../../temporal';
import { ApiError } from '../../api-error';

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
  const source = await findScheduleSource(deps.db, journeyId);
  if (source === undefined) throw new ApiError('not_found', `params.id: no journey "${journeyId}"`);
  // The latest two versions tell whether a schedule exists or must go; most journeys never had one,
  // and then Temporal is not asked at all.
  const { status, latest, previous } = source;
  if (latest === undefined || ![latest, previous].some(entersOnSchedule)) return;
  if (status === 'archived') {
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
    definition: latest,
    taskQueue: deps.taskQueue,
    isPaused: status === 'paused',
  });
}

function entersOnSchedule(definition: unknown): boolean {
  const parsed = JourneyDefinition.safeParse(definition);
  const entry = parsed.success ? parsed.data.nodes.find((node) => node.kind === 'entry') : undefined;
  return entry?.kind === 'entry' && entry.config.trigger.kind === 'schedule';
}
