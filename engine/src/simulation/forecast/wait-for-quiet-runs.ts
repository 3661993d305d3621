import type { Client } from '@temporalio/client';
import { mapWithLimit } from '../../temporal';

const CHECK_CONCURRENCY = 32;
/** Pause between looks while activities are still in flight. */
const PAUSE_MS = 50;
/** Looks before giving up: a send stuck longer than this is reported as it stands. */
const MAX_LOOKS = 1_200;

/**
 * Waits until none of the runs has an activity in flight. The clock stops being skipped at the
 * horizon, but the sends and bookkeeping its last timers started are still running: read before they
 * end, the forecast would miss the horizon's last moments.
 */
export async function waitForQuietRuns(client: Client, workflowIds: readonly string[]): Promise<void> {
  for (let look = 0; look < MAX_LOOKS; look += 1) {
    const busy = await mapWithLimit(workflowIds, CHECK_CONCURRENCY, async (workflowId) => {
      const described = await client.workflow.getHandle(workflowId).describe();
      return described.status.name === 'RUNNING' && (described.raw.pendingActivities?.length ?? 0) > 0;
    });
    if (!busy.includes(true)) return;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
