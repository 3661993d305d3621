import { callTasks, type Database } from '@touchpoint/db';
import { and, eq } from 'drizzle-orm';
import { CallTaskError } from './call-task-error';
import { findCallTask, type CallTaskWithClient } from './find-call-task';

/**
 * Gives a claimed task back to the queue, in one conditional UPDATE that matches only while the caller
 * holds it: an operator can never release a colleague's call. Releasing a task already open is harmless.
 */
export async function releaseCallTask(
  db: Database,
  taskId: string,
  operatorId: string,
): Promise<CallTaskWithClient> {
  await db
    .update(callTasks)
    .set({ status: 'open', claimedBy: null, claimedAt: null, updatedAt: new Date() })
    .where(
      and(eq(callTasks.id, taskId), eq(callTasks.status, 'claimed'), eq(callTasks.claimedBy, operatorId)),
    );
  const current = await findCallTask(db, taskId);
  if (current === null) throw new CallTaskError('call_task_not_found', `no call task "${taskId}"`);
  const { task } = current;
  if (task.status === 'open') return current;
  if (task.status === 'claimed') {
    throw new CallTaskError('call_task_taken', `call task ${taskId} is claimed by another operator`);
  }
  const code = task.status === 'cancelled' ? 'call_task_cancelled' : 'call_task_already_completed';
  throw new CallTaskError(code, `call task ${taskId} is already ${task.status}`);
}
