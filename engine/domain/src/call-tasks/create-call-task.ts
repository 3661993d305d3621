import { callTasks, type Database } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { findClient } from '../recipients/load-recipient';
import { CreateCallTaskInput } from './call-task-contract';
import { CallTaskError } from './call-task-error';

/**
 * Creates the task row once per node visit (a retry returns the same task). Priority, due time and SLA
 * are columns (the queue sorts on them); `assignTo` pins the task to an operator (`assignedTo`), who
 * still claims it; script and offer live in the payload.
 */
export async function createCallTask(
  db: Database,
  raw: CreateCallTaskInput,
): Promise<{ taskId: string; messageId: string | null }> {
  const input = CreateCallTaskInput.parse(raw);
  const client = await findClient(db, input.clientId);
  if (!client)
    throw new CallTaskError('client_not_found', `createCallTask: client ${input.clientId} not found`);
  const dueAt = new Date(input.dueAt);
  const slaDueAt = new Date(dueAt.getTime() + input.slaMinutes * 60_000);
  const [inserted] = await db
    .insert(callTasks)
    .values({
      idempotencyKey: input.idempotencyKey,
      clientId: client.id,
      enrollmentId: input.enrollmentId ?? null,
      journeyId: input.journeyId ?? null,
      journeyVersion: input.journeyVersion ?? null,
      nodeId: input.nodeId,
      workflowId: input.workflowId ?? null,
      status: 'open',
      assignedTo: input.assignTo ?? null,
      priority: input.priority,
      messageId: input.messageId ?? null,
      dueAt,
      slaDueAt,
      // Priority and SLA stay in the payload too: the operator's card shows the payload as created.
      payload: {
        priority: input.priority,
        slaDueAt: slaDueAt.toISOString(),
        script: input.script,
        offer: input.offer ?? {},
      },
    })
    .onConflictDoNothing({ target: callTasks.idempotencyKey })
    .returning({ id: callTasks.id, messageId: callTasks.messageId });
  if (inserted) return { taskId: inserted.id, messageId: inserted.messageId };
  const [existing] = await db
    .select({ id: callTasks.id, messageId: callTasks.messageId })
    .from(callTasks)
    .where(eq(callTasks.idempotencyKey, input.idempotencyKey));
  return { taskId: existing!.id, messageId: existing!.messageId };
}
