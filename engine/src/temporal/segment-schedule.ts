import type { Client } from '@temporalio/client';
import { upsertSchedule } from './upsert-schedule';

/** The workflow type the segmentation Schedule starts (by name: client code never loads workflow code). */
export const SEGMENT_RECOMPUTE_WORKFLOW_TYPE = 'segmentRecomputeWorkflow';

/** One segmentation Schedule per deployment, told apart by the journeys' task queue it runs on. */
export function segmentScheduleId(taskQueue: string): string {
  return `segmentation:${taskQueue}`;
}

/** Default: every day at 00:05 UTC, so a client overdue from today is in `overdue` this morning. */
export const DEFAULT_SEGMENT_RECOMPUTE_CRON = '5 0 * * *';

/**
 * Creates or updates the Temporal Schedule of the full segment recompute (`cron` in UTC). Overlapping
 * runs are skipped: a run still going when the next is due finishes first, and the next day's run
 * catches up. Temporal owns the timing and the retries; nothing here keeps time.
 */
export async function ensureSegmentSchedule(input: {
  client: Client;
  cron: string;
  taskQueue: string;
}): Promise<'created' | 'updated'> {
  const scheduleId = segmentScheduleId(input.taskQueue);
  const spec = { cronExpressions: [input.cron], timezone: 'UTC' };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: SEGMENT_RECOMPUTE_WORKFLOW_TYPE,
    workflowId: `segment-recompute:${input.taskQueue}`,
    args: [],
    taskQueue: input.taskQueue,
  };
  // Every API process calls this at start-up, at once after a deploy: upsertSchedule keeps it one.
  return upsertSchedule(
    input.client,
    { scheduleId, spec, action, policies: { overlap: 'SKIP' } },
    (previous) => ({ ...previous, spec, action }),
  );
}
