import type { Client } from '@temporalio/client';
import { and, clients, enrollments, eq, inArray, type Database } from '@touchpoint/db';
import { getCurrentNodeQuery, mapWithLimit } from '../../temporal';

const QUERY_CONCURRENCY = 16;

/**
 * Waits until the running journeys of these clients (CRM ids) have taken in every timer due by the
 * server's now, before their purchases or answers of this moment are routed.
 *
 * Why: when the clock reaches a moment, the timers due then are fired on the server, but a run's
 * workflow task may still be waiting for a worker. A purchase signalled meanwhile joins that same task,
 * and a workflow handles signals before timers, so who wins a tie (the call due at 00:00 or the
 * order dated 00:00) would depend on how busy the worker was. A query is answered only once the
 * run's outstanding task is done, so after it the tie always goes to the timer: the moment passed
 * before the shop posted its order, as live.
 */
export async function settleDueTimers(
  temporal: Client,
  db: Database,
  externalIds: readonly string[],
): Promise<void> {
  if (externalIds.length === 0) return;
  const runs = await db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .innerJoin(clients, eq(clients.id, enrollments.clientId))
    .where(and(inArray(clients.externalId, [...new Set(externalIds)]), eq(enrollments.status, 'active')));
  await mapWithLimit(runs, QUERY_CONCURRENCY, async ({ workflowId }) => {
    // A run that ended meanwhile has nothing due; that answer is as good as the query's.
    await temporal.workflow
      .getHandle(workflowId)
      .query(getCurrentNodeQuery)
      .catch(() => null);
  });
}
