import type { Database } from '@touchpoint/db';
import { and, asc, callTasks, clients, desc, eq, inArray, isNull, or, sql, users } from '@touchpoint/db';
import type { CallTaskStatus } from '@touchpoint/db';
import { ApiError } from '../../api-error';

/** The queue's filters: which states, and (optionally) what one operator may work on. */
export interface CallTaskFilter {
  statuses: readonly CallTaskStatus[];
  operatorId?: string | undefined;
  limit: number;
}

const taskColumns = {
  task: callTasks,
  client: { externalId: clients.externalId, phone: clients.phone, email: clients.email },
};

/**
 * The operators' queue, most urgent first: priority (higher first), then due time, then age. An
 * operator sees tasks pinned to them and unpinned ones, never tasks pinned to a colleague.
 */
export async function listCallTasks(db: Database, filter: CallTaskFilter) {
  const visibleTo =
    filter.operatorId === undefined
      ? undefined
      : or(isNull(callTasks.assignedTo), eq(callTasks.assignedTo, filter.operatorId));
  return db
    .select(taskColumns)
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(and(inArray(callTasks.status, [...filter.statuses]), visibleTo))
    .orderBy(desc(callTasks.priority), sql`${callTasks.dueAt} asc nulls last`, asc(callTasks.createdAt))
    .limit(filter.limit);
}

/** One task with its client, or a 404 naming the id. */
export async function loadCallTask(db: Database, taskId: string) {
  const [row] = await db
    .select(taskColumns)
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(eq(callTasks.id, taskId));
  if (row === undefined) throw new ApiError('not_found', `params.id: no call task "${taskId}"`);
  return row;
}

/** Refuses an operator id that names no user (a 404 naming `body.operatorId`), before any write. */
export async function requireOperator(db: Database, operatorId: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, operatorId));
  if (user === undefined) throw new ApiError('not_found', `body.operatorId: no user "${operatorId}"`);
}

/**
 * Claims an open task for an operator in one conditional UPDATE, so two operators racing for the same
 * task get one success and one 409. Claiming a task one already holds is a no-op success.
 */
export async function claimCallTask(db: Database, taskId: string, operatorId: string) {
  await requireOperator(db, operatorId);
  const claimed = await db
    .update(callTasks)
    .set({ status: 'claimed', claimedBy: operatorId, claimedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(callTasks.id, taskId),
        eq(callTasks.status, 'open'),
        or(isNull(callTasks.assignedTo), eq(callTasks.assignedTo, operatorId)),
      ),
    )
    .returning({ id: callTasks.id });
  const current = await loadCallTask(db, taskId);
  if (claimed.length > 0) return current;
  const { task } = current;
  if (task.status === 'claimed' && task.claimedBy === operatorId) return current;
  if (task.status === 'open') {
    throw new ApiError('conflict', `call task ${taskId} is assigned to another operator`);
  }
  const holder = task.status === 'claimed' ? ' by another operator' : '';
  throw new ApiError('conflict', `call task ${taskId} is already ${task.status}${holder}`);
}
