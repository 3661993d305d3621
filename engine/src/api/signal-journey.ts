import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { signalClientEvent } from '../temporal';
import type { ClientEvent } from '../temporal';
import { ApiError } from './api-error';

/**
 * How delivering an event to a journey ended: `signalled`, or `workflowFinished` when the enrollment
 * already ended (its goal happened, it timed out) — not an error, there is simply nobody waiting.
 */
export const SIGNAL_OUTCOMES = ['signalled', 'workflowFinished', 'noWorkflow'] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

/**
 * Signals `event` to `workflowId`, tolerating a finished workflow. Without a Temporal connection the
 * caller gets a 503: what it recorded is idempotent, so a retry records nothing new and signals again.
 */
export async function signalJourney(
  temporal: Client | undefined,
  workflowId: string | null,
  event: ClientEvent,
): Promise<SignalOutcome> {
  if (workflowId === null) return 'noWorkflow';
  if (temporal === undefined) {
    throw new ApiError('unavailable', 'recorded, but no Temporal connection to resume the journey; retry');
  }
  try {
    await signalClientEvent(temporal, workflowId, event);
    return 'signalled';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'workflowFinished';
    throw error;
  }
}
