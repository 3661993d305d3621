import type { Client } from '@temporalio/client';
import { ScheduleNotFoundError } from '@temporalio/client';
import { JourneyDefinition } from '@touchpoint/language';
import type { AudienceEntryInput } from '../workflows/audience-entry-workflow';
import { upsertSchedule } from './upsert-schedule';

/** The workflow type a journey's schedule starts (by name: client code never loads workflow code). */
export const AUDIENCE_ENTRY_WORKFLOW_TYPE = 'audienceEntryWorkflow';

/** The Temporal Schedule id of a journey's schedule entry (one per journey, whatever its version). */
export function journeyScheduleId(journeyId: string): string {
  return `journey-schedule:${journeyId}`;
}

/** Input of {@link syncJourneySchedule}. */
export interface SyncJourneyScheduleInput {
  client: Client;
  journeyId: string;
  /** The journey's current published definition. */
  definition: unknown;
  /** The journey workflows' task queue (the audience run's activity enrolls on the same worker). */
  taskQueue: string;
  /** A paused journey keeps its schedule paused: no new entries. */
  isPaused?: boolean;
}

/** What {@link syncJourneySchedule} did. */
export type ScheduleSync = 'created' | 'updated' | 'deleted' | 'none';

async function deleteIfPresent(client: Client, scheduleId: string): Promise<ScheduleSync> {
  try {
    await client.schedule.getHandle(scheduleId).delete();
    return 'deleted';
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return 'none';
    throw error;
  }
}

/**
 * Makes the journey's Temporal Schedule match its definition: a `schedule` entry trigger gets a
 * schedule on its cron (in the journey's fallback time zone) that starts `audienceEntryWorkflow`
 * for its segment, overlapping runs skipped; any other trigger removes a schedule left from an
 * earlier version. Call it on publish, pause, resume and archive.
 */
export async function syncJourneySchedule(input: SyncJourneyScheduleInput): Promise<ScheduleSync> {
  const definition = JourneyDefinition.parse(input.definition);
  const scheduleId = journeyScheduleId(input.journeyId);
  const entry = definition.nodes.find((node) => node.kind === 'entry');
  const trigger = entry?.kind === 'entry' ? entry.config.trigger : null;
  if (trigger?.kind !== 'schedule') return deleteIfPresent(input.client, scheduleId);

  const args: [AudienceEntryInput] = [{ journeyId: input.journeyId, segment: trigger.segment }];
  const spec = { cronExpressions: [trigger.cron], timezone: definition.settings.timezoneFallback };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: AUDIENCE_ENTRY_WORKFLOW_TYPE,
    workflowId: `audience:${input.journeyId}`,
    args,
    taskQueue: input.taskQueue,
  };
  const paused = input.isPaused ?? false;
  return upsertSchedule(
    input.client,
    { scheduleId, spec, action, policies: { overlap: 'SKIP' }, state: { paused } },
    (previous) => ({ ...previous, spec, action, state: { ...previous.state, paused } }),
  );
}
