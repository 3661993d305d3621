import type { Client, WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { ChannelKind, ReentryPolicy } from '@touchpoint/language';
import type { JourneyWorkflowInput, JourneyWorkflowResult } from '../workflows/journey-workflow-types';
import type { journeyWorkflow } from '../workflows/journey-workflow';
import {
  CLIENT_ID_ATTRIBUTE,
  JOURNEY_ID_ATTRIBUTE,
  JOURNEY_VERSION_ATTRIBUTE,
  NODE_ID_ATTRIBUTE,
} from '../workflows/search-attributes';
import { clientEventSignal, clientEventsSignal } from '../workflows/signals';
import { MAX_EVENTS_PER_SIGNAL, signalClientEvents } from './signal-client-events';
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
 * Event entry: delivers `events` (oldest first; the first is the entry event) to the client's running
 * enrollment, or starts one and delivers them as its first signal (signal-with-start, atomic on the
 * server). One client's burst is one call carrying up to {@link MAX_EVENTS_PER_SIGNAL} events, then
 * batched signals, never a signal per event. The entry event's id keys `concurrent` enrollments.
 */
export async function enrollOnEvents(
  client: Client,
  input: EnrollClientInput,
  events: readonly ClientEvent[],
): Promise<WorkflowHandle<typeof journeyWorkflow>> {
  const [entryEvent] = events;
  if (entryEvent === undefined) throw new Error('enrollOnEvents needs the entry event');
  const options = startOptions({
    ...input,
    enrollmentKey: input.enrollmentKey ?? entryEvent.eventId,
    entryEventId: entryEvent.eventId,
  });
  // Signal-with-start delivers to a running workflow instead of failing, so conflict policy is implied.
  const { workflowIdConflictPolicy: _ignored, ...signalOptions } = options;
  const handle = await client.workflow.signalWithStart<typeof journeyWorkflow, [{ events: ClientEvent[] }]>(
    JOURNEY_WORKFLOW_TYPE,
    {
      ...signalOptions,
      signal: clientEventsSignal,
      signalArgs: [{ events: events.slice(0, MAX_EVENTS_PER_SIGNAL) }],
    },
  );
  if (events.length > MAX_EVENTS_PER_SIGNAL)
    await signalClientEvents(client, options.workflowId, events.slice(MAX_EVENTS_PER_SIGNAL));
  return handle;
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
