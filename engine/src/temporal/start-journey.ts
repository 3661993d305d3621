import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { StartJourneyInput, StartJourneyResult } from '@touchpoint/activities';
import type { Database } from '@touchpoint/db';
import { isHeldOutOfHandOver } from '@touchpoint/domain';
import { loadCurrentVersion, type NotEnrollableReason, type PublishedVersion } from '@touchpoint/domain';
import type { ChannelKind } from '@touchpoint/language';
import { enrollClient } from './enroll-client';
import { journeyWorkflowId } from './workflow-ids';

/** Why a `startJourney` step did not hand its client over: its own journey's holdout keeps them out. */
export const HELD_OUT_HAND_OVER = 'heldOut';

/** Memo key holding the start request (the starting visit) a journey-to-journey enrollment came from. */
export const START_REQUEST_MEMO = 'startRequest';

// The domain reads the current version; the enrollment doors take it from here, beside the start it feeds.
export { loadCurrentVersion, type NotEnrollableReason, type PublishedVersion };

/** What {@link createStartJourney} needs. */
export interface StartJourneyDeps {
  db: Database;
  client: Client;
  /** The journey workflows' task queue. */
  taskQueue: string;
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** Upsert search attributes (default true; the namespace must know them). */
  useSearchAttributes?: boolean;
}

/** The start request that created the workflow now holding `workflowId`, if any. */
async function startRequestOf(client: Client, workflowId: string) {
  try {
    const description = await client.workflow.getHandle(workflowId).describe();
    return { status: description.status.name, key: description.memo?.[START_REQUEST_MEMO] };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/**
 * Enrolls one client in `target`, following its re-entry policy, idempotent on `enrollmentKey`.
 * `checkEarlierFirst` looks for a run this key already started before starting one: needed whenever the
 * same request may have been made before (a retried activity), since a run it started may have
 * finished already and the re-entry policy would then let a second one in. A request surely made for
 * the first time (a page an audience run has not reached before) skips that look-up: one Temporal
 * call per client instead of two, and the look-up only when the start is refused.
 */
export async function startOnVersion(
  deps: StartJourneyDeps,
  target: PublishedVersion,
  input: StartJourneyInput,
  checkEarlierFirst: boolean,
): Promise<StartJourneyResult> {
  const reentry = target.definition.settings.reentry;
  const key = reentry === 'concurrent' ? input.enrollmentKey : null;
  const workflowId = journeyWorkflowId(input.journeyId, input.clientId, key);
  const ours = (earlier: Awaited<ReturnType<typeof startRequestOf>>): StartJourneyResult | null =>
    earlier?.key === input.enrollmentKey
      ? { status: earlier.status === 'RUNNING' ? 'alreadyRunning' : 'started', workflowId }
      : null;
  if (checkEarlierFirst) {
    const found = ours(await startRequestOf(deps.client, workflowId));
    if (found) return found;
  }
  try {
    await enrollClient(deps.client, {
      journeyId: input.journeyId,
      journeyVersion: target.version,
      clientId: input.clientId,
      definition: target.definition,
      reentry,
      enrollmentKey: key,
      source: input.source,
      taskQueue: deps.taskQueue,
      memo: {
        [START_REQUEST_MEMO]: input.enrollmentKey,
        ...(input.fromJourneyId ? { fromJourneyId: input.fromJourneyId } : {}),
      },
      ...(deps.sendTaskQueues ? { sendTaskQueues: deps.sendTaskQueues } : {}),
      ...(deps.useSearchAttributes === false ? { useSearchAttributes: false } : {}),
    });
    return { status: 'started', workflowId };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const current = await startRequestOf(deps.client, workflowId);
    const found = ours(current);
    if (found) return found;
    if (current?.status === 'RUNNING') return { status: 'alreadyRunning', workflowId };
    return { status: 'notStarted', reason: `reentry:${reentry}` };
  }
}

/**
 * The `startJourney` dependency of `createJourneyActivities`: enrolls the client in the target
 * journey's current published version, following its re-entry policy. Idempotent on
 * `enrollmentKey` (the starting workflow's visit): a retried request finds the run it started, by
 * the memo, and reports it instead of enrolling twice. A client held out of the handing-over journey
 * is not handed over (`notStarted`, reason `heldOut`; see `isHeldOutOfHandOver`).
 */
export function createStartJourney(deps: StartJourneyDeps) {
  return async (input: StartJourneyInput): Promise<StartJourneyResult> => {
    if (
      input.fromJourneyId &&
      (await isHeldOutOfHandOver(deps.db, {
        enrollmentId: input.fromEnrollmentId,
        journeyId: input.fromJourneyId,
        clientId: input.clientId,
      }))
    )
      return { status: 'notStarted', reason: HELD_OUT_HAND_OVER };
    const target = await loadCurrentVersion(deps.db, input.journeyId);
    if ('reason' in target) return { status: 'notStarted', reason: target.reason };
    return startOnVersion(deps, target, input, true);
  };
}

/** The function {@link createStartJourney} returns (what `createJourneyActivities` takes as `startJourney`). */
export type StartJourney = ReturnType<typeof createStartJourney>;
