import { activityFailure, parseActivityInput } from '../activity-failures';
import { CallTaskError, createCallTask, CreateCallTaskInput } from '@touchpoint/domain';
import type { SendActivityDeps } from './send-activity-deps';
import { SendMessageInput, type SendMessageResult } from './send-message-contract';
import { sendMessage } from './send-message';
import { withVisitLease } from './with-visit-lease';

/**
 * The channel activities, bound to their dependencies (`createActivities(deps)` style). The engine
 * worker registers them on the per-channel task queues in `SEND_TASK_QUEUES`.
 */
export function createSendActivities(deps: Omit<SendActivityDeps, 'now'> & { now?: () => Date }) {
  const bound: SendActivityDeps = { ...deps, now: deps.now ?? (() => new Date()) };
  return {
    /** Sends one node visit's message exactly once; see `SendMessageResult`. */
    sendMessage: async (input: SendMessageInput): Promise<SendMessageResult> => {
      const parsed = parseActivityInput(SendMessageInput, input, 'sendMessage');
      return withVisitLease(bound.db, parsed.idempotencyKey, (db, leaseLost) =>
        sendMessage({ ...bound, db, leaseLost }, parsed),
      );
    },
    /** Creates (once per node visit) a call-center task. */
    createCallTask: async (
      input: CreateCallTaskInput,
    ): Promise<{ taskId: string; messageId: string | null }> => {
      const parsed = parseActivityInput(CreateCallTaskInput, input, 'createCallTask');
      try {
        return await createCallTask(bound.db, parsed);
      } catch (error) {
        if (error instanceof CallTaskError && error.code === 'client_not_found')
          throw activityFailure('ClientNotFound', error.message);
        throw error;
      }
    },
  };
}

export type SendActivities = ReturnType<typeof createSendActivities>;
