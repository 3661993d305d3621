import { callTasks, type CallTaskRow, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The follow-up call a `callBack` outcome with a time scheduled. */
export interface ScheduledCallback {
  taskId: string;
  dueAt: Date;
}

/** The idempotency key of the follow-up of `taskId`: one per task, so a repeated completion adds none. */
export const callbackTaskKey = (taskId: string) => `callback:${taskId}`;

/**
 * Queues the next call of a task the client asked to be called back on: the same client, journey, step
 * and message (so the journey's call step takes its outcome as the call's), due at the time the client
 * named, with the task's SLA length and priority, and the operator's note carried to the next operator.
 */
export async function scheduleCallback(
  db: Executor,
  task: CallTaskRow,
  callbackAt: Date,
  note: string | null,
): Promise<ScheduledCallback> {
  const slaMs =
    task.slaDueAt !== null && task.dueAt !== null ? task.slaDueAt.getTime() - task.dueAt.getTime() : null;
  const [inserted] = await db
    .insert(callTasks)
    .values({
      idempotencyKey: callbackTaskKey(task.id),
      clientId: task.clientId,
      enrollmentId: task.enrollmentId,
      journeyId: task.journeyId,
      journeyVersion: task.journeyVersion,
      nodeId: task.nodeId,
      workflowId: task.workflowId,
      messageId: task.messageId,
      status: 'open',
      priority: task.priority,
      assignedTo: task.assignedTo,
      dueAt: callbackAt,
      slaDueAt: slaMs === null ? null : new Date(callbackAt.getTime() + slaMs),
      payload: { ...task.payload, callbackOf: task.id, ...(note ? { previousNote: note } : {}) },
    })
    .onConflictDoNothing({ target: callTasks.idempotencyKey })
    .returning({ id: callTasks.id, dueAt: callTasks.dueAt });
  if (inserted) return { taskId: inserted.id, dueAt: inserted.dueAt! };
  const [existing] = await db
    .select({ id: callTasks.id, dueAt: callTasks.dueAt })
    .from(callTasks)
    .where(eq(callTasks.idempotencyKey, callbackTaskKey(task.id)));
  return { taskId: existing!.id, dueAt: existing!.dueAt! };
}
