import { funnelRuleForEvent } from '@touchpoint/language';
import { callOutcomeEventKey } from '../ingest/internal-event-keys';
import { callTasks, clients, funnelActions, type Database } from '@touchpoint/db';
import { loadCurrentFunnelTaxonomy } from '../funnel/record-event-funnel-actions';
import { storeEvents } from '../ingest/store-events';
import { eq } from 'drizzle-orm';
import { CompleteCallTaskInput, type CompleteCallTaskResult } from './call-task-contract';
import { assertOperatorExists } from './assert-operator-exists';
import { CallTaskError } from './call-task-error';
import { scheduleCallback, type ScheduledCallback } from './schedule-callback';

/**
 * Records the operator's outcome (refused for a cancelled task, or one another operator holds), the funnel action it implies (idempotent by `call:<taskId>`), and
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
  // Completing an open task claims it for the operator, so an unknown one must not reach that write.
  if (input.operatorId) await assertOperatorExists(db, input.operatorId);
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(callTasks).where(eq(callTasks.id, input.taskId)).for('update');
    if (!task) throw new CallTaskError('call_task_not_found', `no call task "${input.taskId}"`);
    if (task.status === 'cancelled') {
      throw new CallTaskError('call_task_cancelled', `call task ${input.taskId} was cancelled`);
    }
    const { operatorId } = input;
    if (operatorId && task.status === 'claimed' && task.claimedBy && task.claimedBy !== operatorId) {
      throw new CallTaskError('call_task_taken', `call task ${input.taskId} is claimed by another operator`);
    }
    if (task.status === 'completed' && task.outcome !== input.outcome) {
      throw new CallTaskError(
        'call_task_already_completed',
        `call task ${input.taskId} was already completed as ${task.outcome}`,
      );
    }
    const isFirstCompletion = task.status !== 'completed';
    const callbackAt = input.callbackAt ? new Date(input.callbackAt) : null;
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
    // A repeat finds the follow-up the first completion queued (one per task, by its key).
    const callback: ScheduledCallback | null =
      callbackAt === null ? null : await scheduleCallback(tx, task, callbackAt, input.note ?? null);
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
      ...(callback ? { callbackAt: callback.dueAt.toISOString() } : {}),
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
      callback,
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
