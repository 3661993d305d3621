import {
  CALL_TASK_STATUSES,
  callTasks,
  clients,
  type CallTaskStatus,
  type Executor,
  type SQL,
} from '@touchpoint/db';
import { clientMatchesSql } from '../clients/client-search-text';
import type { CallOutcome, CallQueueSort } from '@touchpoint/language';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { callTaskWithClientColumns } from './find-call-task';

/** The queue's filters: which states, what one operator may work on, and what the operator narrowed to. */
export interface CallTaskFilter {
  statuses: readonly CallTaskStatus[];
  operatorId?: string | undefined;
  journeyId?: string | undefined;
  outcomes?: readonly CallOutcome[] | undefined;
  /** Part of the client's name, CRM id, email or phone (the clients' trigram index). */
  q?: string | undefined;
  sort?: CallQueueSort | undefined;
  limit: number;
  offset?: number | undefined;
}

/** How many tasks of each state match the filter (the states filter aside), and how many are late. */
export type CallTaskCounts = Record<CallTaskStatus, number> & { slaBreached: number };

/** Everything but the states: the counts answer for every state under the same narrowing. */
function narrowing(filter: CallTaskFilter): SQL | undefined {
  const visibleTo =
    filter.operatorId === undefined
      ? undefined
      : or(isNull(callTasks.assignedTo), eq(callTasks.assignedTo, filter.operatorId));
  return and(
    visibleTo,
    filter.journeyId === undefined ? undefined : eq(callTasks.journeyId, filter.journeyId),
    filter.outcomes === undefined || filter.outcomes.length === 0
      ? undefined
      : inArray(callTasks.outcome, [...filter.outcomes]),
    filter.q === undefined ? undefined : clientMatchesSql(filter.q),
  );
}

// Both orders end on the due time, the age and the id, so a page boundary never shuffles tasks.
const ORDERS: Record<CallQueueSort, SQL[]> = {
  priority: [
    desc(callTasks.priority),
    sql`${callTasks.dueAt} asc nulls last`,
    asc(callTasks.createdAt),
    asc(callTasks.id),
  ],
  sla: [
    sql`${callTasks.slaDueAt} asc nulls last`,
    desc(callTasks.priority),
    sql`${callTasks.dueAt} asc nulls last`,
    asc(callTasks.createdAt),
    asc(callTasks.id),
  ],
};

/**
 * One page of the operators' queue, most urgent first by `sort` (default priority). An operator sees
 * tasks pinned to them and unpinned ones, never tasks pinned to a colleague.
 */
export async function listCallTasks(db: Executor, filter: CallTaskFilter) {
  return db
    .select(callTaskWithClientColumns)
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(and(inArray(callTasks.status, [...filter.statuses]), narrowing(filter)))
    .orderBy(...ORDERS[filter.sort ?? 'priority'])
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

/** The queue's counts per state under the filter's narrowing, and the open or claimed ones past their SLA. */
export async function countCallTasks(
  db: Executor,
  filter: CallTaskFilter,
  now: Date,
): Promise<CallTaskCounts> {
  const rows = await db
    .select({
      status: callTasks.status,
      count: sql<number>`count(*)::int`,
      late: sql<number>`count(*) filter (where ${callTasks.status} in ('open', 'claimed') and ${callTasks.slaDueAt} < ${now})::int`,
    })
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(narrowing(filter))
    .groupBy(callTasks.status);
  const counts = Object.fromEntries(CALL_TASK_STATUSES.map((status) => [status, 0])) as CallTaskCounts;
  counts.slaBreached = 0;
  for (const row of rows) {
    counts[row.status] = row.count;
    counts.slaBreached += row.late;
  }
  return counts;
}
