import type { Client, WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { ChannelKind, ReentryPolicy } from '../language';
import type { JourneyWorkflowInput, JourneyWorkflowResult } from '../workflows/journey-workflow-types';
import type { journeyWorkflow } from '../workflows/journey-workflow';
import {
  CLIENT_ID_ATTRIBUTE,
  JOURNEY_ID_ATTRIBUTE,
  JOURNEY_VERSION_ATTRIBUTE,
  NODE_ID_ATTRIBUTE,
} from '../workflows/search-attributes';
import { clientEventSignal } from '../workflows/signals';
import type { ClientEvent } from '../workflows/signals';
import { journeyWorkflowId } from './workflow-ids';

/** The workflow type name (started by name so client code never loads workflow code). */
export const JOURNEY_WORKFLOW_TYPE = 'journeyWorkflow';

/** Everything needed to enroll one client into one published journey version. */
export interface EnrollClientInput {
  journeyId: string;
  journeyVersion: number;
  clientId: string;
  /** The published version's definition snapshot. */
  definition: unknown;
  reentry: ReentryPolicy;
  /** Required for `concurrent` journeys (e.g. the entry event id), ignored otherwise. */
  enrollmentKey?: string | null;
  source: JourneyWorkflowInput['source'];
  taskQueue: string;
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  useSearchAttributes?: boolean;
  historyLimit?: number;
  /** Stored with the workflow (e.g. which request started it, for idempotent journey-to-journey starts). */
  memo?: Record<string, unknown>;
  /** The event that enrolls the client (set by `enrollOnEvent`); it never counts as the goal. */
  entryEventId?: string;
}

/**
 * Re-entry as Temporal id policy: `once` rejects any earlier run with the same id, `afterExit` allows
 * one after the previous closed, `concurrent` gives every enrollment its own key. A running
 * enrollment is never started twice (conflict policy FAIL).
 */
function startOptions(input: EnrollClientInput) {
  if (input.reentry === 'concurrent' && !input.enrollmentKey) {
    throw new Error('enrollmentKey is required for journeys with concurrent re-entry');
  }
  const key = input.reentry === 'concurrent' ? (input.enrollmentKey ?? null) : null;
  const workflowId = journeyWorkflowId(input.journeyId, input.clientId, key);
  const args: [JourneyWorkflowInput] = [
    {
      journeyId: input.journeyId,
      journeyVersion: input.journeyVersion,
      clientId: input.clientId,
      definition: input.definition,
      enrollmentKey: key,
      source: input.source,
      ...(input.entryEventId ? { entryEventId: input.entryEventId } : {}),
      ...(input.sendTaskQueues ? { sendTaskQueues: input.sendTaskQueues } : {}),
      ...(input.historyLimit ? { historyLimit: input.historyLimit } : {}),
      ...(input.useSearchAttributes === false ? { useSearchAttributes: false } : {}),
    },
  ];
  const typedSearchAttributes =
    input.useSearchAttributes === false
      ? undefined
      : [
          { key: JOURNEY_ID_ATTRIBUTE, value: input.journeyId },
          { key: JOURNEY_VERSION_ATTRIBUTE, value: input.journeyVersion },
          { key: CLIENT_ID_ATTRIBUTE, value: input.clientId },
          { key: NODE_ID_ATTRIBUTE, value: 'entry' },
        ];
  return {
    workflowId,
    taskQueue: input.taskQueue,
    args,
    workflowIdReusePolicy:
      input.reentry === 'once' ? ('REJECT_DUPLICATE' as const) : ('ALLOW_DUPLICATE' as const),
    workflowIdConflictPolicy: 'FAIL' as const,
    ...(input.memo ? { memo: input.memo } : {}),
    ...(typedSearchAttributes ? { typedSearchAttributes } : {}),
  };
}

/** Starts a client's enrollment; throws `WorkflowExecutionAlreadyStartedError` when re-entry forbids it. */
export async function enrollClient(
  client: Client,
  input: EnrollClientInput,
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof journeyWorkflow>> {
  return client.workflow.start<typeof journeyWorkflow>(JOURNEY_WORKFLOW_TYPE, startOptions(input));
}

/**
 * Event entry: delivers `event` to the client's running enrollment, or starts one and delivers it as
 * its first event (signal-with-start, atomic on the server).
 */
export async function enrollOnEvent(
  client: Client,
  input: EnrollClientInput,
  event: ClientEvent,
): Promise<WorkflowHandle<typeof journeyWorkflow>> {
  const options = startOptions({
    ...input,
    enrollmentKey: input.enrollmentKey ?? event.eventId,
    entryEventId: event.eventId,
  });
  // Signal-with-start delivers to a running workflow instead of failing, so conflict policy is implied.
  const { workflowIdConflictPolicy: _ignored, ...signalOptions } = options;
  return client.workflow.signalWithStart<typeof journeyWorkflow, [ClientEvent]>(JOURNEY_WORKFLOW_TYPE, {
    ...signalOptions,
    signal: clientEventSignal,
    signalArgs: [event],
  });
}

/** Delivers a client event to one enrollment's workflow. */
export async function signalClientEvent(
  client: Client,
  workflowId: string,
  event: ClientEvent,
): Promise<void> {
  await client.workflow.getHandle(workflowId).signal(clientEventSignal, event);
}

/** Waits for an enrollment to end and returns how. */
export async function awaitEnrollment(client: Client, workflowId: string): Promise<JourneyWorkflowResult> {
  return client.workflow.getHandle<typeof journeyWorkflow>(workflowId).result();
}
