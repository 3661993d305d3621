import { WorkflowFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ReadPath } from './read-test-path';

/**
 * The path of a run that recorded no enrollment: it never began, so it is `failed`, never a client
 * waiting nowhere. The reason reads as a failed enrollment's does (`InvalidJourney: …`): the workflow's
 * own failure when it closed (a plan that does not compile fails before its first write), else that its
 * first workflow task never completed (Temporal retries a task that throws a plain error, and the run
 * stays open with nothing recorded).
 */
export async function describeUnbegunRun(client: Client, workflowId: string): Promise<ReadPath> {
  const handle = client.workflow.getHandle(workflowId);
  const { status } = await handle.describe();
  let reason = `the run never began: its first workflow task did not complete (${status.name})`;
  if (status.name !== 'RUNNING') {
    reason = await handle.result().then(
      () => `the run ended (${status.name}) without recording its enrollment`,
      (error: unknown) => failureOf(error) ?? reason,
    );
  }
  return { steps: [], outcome: 'failed', reason, waitingAt: null, callTasks: 0 };
}

function failureOf(error: unknown): string | null {
  if (!(error instanceof WorkflowFailedError)) return null;
  const cause = error.cause;
  if (!cause) return error.message;
  const type = cause instanceof ApplicationFailure && cause.type ? cause.type : cause.name;
  return `${type}: ${cause.message}`;
}
