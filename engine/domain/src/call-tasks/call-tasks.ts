import {
  callOutcomeEventKey,
  callTasks,
  clients,
  funnelActions,
  funnelRuleForEvent,
  loadCurrentFunnelTaxonomy,
  storeEvents,
  type Database,
} from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { findClient } from '../recipients/load-recipient';
import {
  CompleteCallTaskInput,
  CreateCallTaskInput,
  type CompleteCallTaskResult,
} from './call-task-contract';

/** Thrown for a task that does not exist or was completed with a different outcome. */
export class CallTaskError extends Error {
  constructor(
    readonly code: 'call_task_not_found' | 'call_task_already_completed' | 'client_not_found',
    message: string,
  ) {
    super(message);
    this.name = 'CallTaskError';
  }
}

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

/**
 * Records the operator's outcome, the funnel action it implies (idempotent by `call:<taskId>`), and
 * stores the `call.<outcome>` event the way every client event is stored (`storeEvents`, the road
 * `POST /v1/events` takes), so the router enters journeys that start on it. Returns that event, which
 * the API also signals straight to the step waiting on `workflowId`.
 */
export async function completeCallTask(
  db: Database,
  raw: CompleteCallTaskInput,
): Promise<CompleteCallTaskResult> {
  const input = CompleteCallTaskInput.parse(raw);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(callTasks).where(eq(callTasks.id, input.taskId)).for('update');
    if (!task) throw new CallTaskError('call_task_not_found', `call task ${input.taskId} not found`);
    if (task.status === 'completed' && task.outcome !== input.outcome) {
      throw new CallTaskError(
        'call_task_already_completed',
        `call task ${input.taskId} was already completed as ${task.outcome}`,
      );
    }
    const isFirstCompletion = task.status !== 'completed';
    if (isFirstCompletion) {
      await tx
        .update(callTasks)
        .set({
          status: 'completed',
          outcome: input.outcome,
          outcomeNote: input.note ?? null,
          completedAt: occurredAt,
          updatedAt: new Date(),
          claimedBy: task.claimedBy ?? input.operatorId ?? null,
        })
        .where(eq(callTasks.id, task.id));
    }
    // The action the current taxonomy makes of the outcome's `call.<outcome>` event (none: no step).
    const taxonomy = await loadCurrentFunnelTaxonomy(tx);
    const actionType = funnelRuleForEvent(`call.${input.outcome}`, taxonomy.actions)?.action;
    const sourceKey = callOutcomeEventKey(task.id);
    if (actionType) {
      await tx
        .insert(funnelActions)
        .values({
          sourceKey,
          type: actionType,
          taxonomyVersion: taxonomy.version,
          clientId: task.clientId,
          occurredAt,
          messageId: task.messageId,
          enrollmentId: task.enrollmentId,
          journeyId: task.journeyId,
          journeyVersion: task.journeyVersion,
          nodeId: task.nodeId,
        })
        .onConflictDoNothing({ target: funnelActions.sourceKey });
    }
    const properties = {
      taskId: task.id,
      outcome: input.outcome,
      ...(input.note ? { note: input.note } : {}),
    };
    const [client] = await tx
      .select({ externalId: clients.externalId })
      .from(clients)
      .where(eq(clients.id, task.clientId));
    // Keyed by the task, like the action above (whose attribution to the task's step it then keeps).
    const [stored] = await storeEvents(tx, [
      {
        idempotencyKey: sourceKey,
        clientExternalId: client!.externalId,
        type: `call.${input.outcome}`,
        occurredAt,
        properties,
        source: 'call-center',
        messageId: task.messageId,
        nodeId: task.nodeId,
      },
    ]);
    return {
      workflowId: task.workflowId,
      isFirstCompletion,
      funnelAction: actionType ? { type: actionType, sourceKey } : null,
      storedEvent: { eventId: stored!.eventId, isNew: stored!.isNew },
      event: {
        eventId: sourceKey,
        type: `call.${input.outcome}`,
        occurredAt: occurredAt.toISOString(),
        properties,
        ...(task.nodeId ? { nodeId: task.nodeId } : {}),
        // The call's outbox row: the waiting step matches its own call by it (a loop's earlier call differs).
        ...(task.messageId ? { messageId: task.messageId } : {}),
      },
    };
  });
}
