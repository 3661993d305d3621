import { callTasks, clients, type CallTaskStatus, type Executor } from '@touchpoint/db';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { callTaskWithClientColumns } from './find-call-task';

/** The queue's filters: which states, and (optionally) what one operator may work on. */
export interface CallTaskFilter {
  statuses: readonly CallTaskStatus[];
  operatorId?: string | undefined;
  limit: number;
}

/**
 * The operators' queue, most urgent first: priority (higher first), then due time, then age. An
 * operator sees tasks pinned to them and unpinned ones, never tasks pinned to a colleague.
 */
export async function listCallTasks(db: Executor, filter: CallTaskFilter) {
  const visibleTo =
    filter.operatorId === undefined
      ? undefined
      : or(isNull(callTasks.assignedTo), eq(callTasks.assignedTo, filter.operatorId));
  return db
    .select(callTaskWithClientColumns)
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(and(inArray(callTasks.status, [...filter.statuses]), visibleTo))
    .orderBy(desc(callTasks.priority), sql`${callTasks.dueAt} asc nulls last`, asc(callTasks.createdAt))
    .limit(filter.limit);
}
