import { callTasks, type Database } from '@touchpoint/db';
import { and, eq, isNull, or } from 'drizzle-orm';
import { assertOperatorExists } from './assert-operator-exists';
import { CallTaskError } from './call-task-error';
import { findCallTask, type CallTaskWithClient } from './find-call-task';

/**
 * Claims an open task for an operator in one conditional UPDATE, so of two operators racing for the
 * same task one wins and the other is told it is taken. Claiming a task one already holds succeeds.
 */
export async function claimCallTask(
  db: Database,
  taskId: string,
  operatorId: string,
): Promise<CallTaskWithClient> {
  await assertOperatorExists(db, operatorId);
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
  const current = await findCallTask(db, taskId);
  if (current === null) throw new CallTaskError('call_task_not_found', `no call task "${taskId}"`);
  if (claimed.length > 0) return current;
  const { task } = current;
  if (task.status === 'claimed' && task.claimedBy === operatorId) return current;
  if (task.status === 'open') {
    throw new CallTaskError('call_task_taken', `call task ${taskId} is assigned to another operator`);
  }
  const holder = task.status === 'claimed' ? ' by another operator' : '';
  throw new CallTaskError('call_task_taken', `call task ${taskId} is already ${task.status}${holder}`);
}
