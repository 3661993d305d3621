import { patched } from '@temporalio/workflow';
import { durationToMs } from '@touchpoint/language';
import type { CallOutcomeWait, SendNode } from '@touchpoint/language';
import type { InboxEvent, RunContext } from '../run-context';
import { INTERRUPTED, viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

/**
 * A call step waits for the operator's outcome before it moves on. Runs whose history predates the
 * patch left at once (a ladder's call rung went straight to "no result"), so they still do.
 */
export const CALL_OUTCOME_WAIT_PATCH = 'call-outcome-wait';

const CALL_EVENT_PREFIX = 'call.';

/** The outcome event of the task this visit's call created (the call center signals `call.<outcome>`). */
function isOutcomeOf(event: InboxEvent, nodeId: string, messageId: string): boolean {
  if (!event.type.startsWith(CALL_EVENT_PREFIX)) return false;
  return event.messageId === messageId || event.nodeId === nodeId;
}

/**
 * Waits, after a call task was created, for its outcome or the timeout (measured from the client's
 * arrival at the step, so a resumed run keeps its deadline). An outcome the marketer gave an exit
 * leaves by `call:<outcome>`; any other outcome, or none in time, leaves by `sent` as before.
 */
export async function awaitCallOutcome(
  node: SendNode,
  wait: CallOutcomeWait,
  messageId: string,
  ctx: RunContext,
): Promise<NodeOutcome> {
  if (!patched(CALL_OUTCOME_WAIT_PATCH)) return viaPort('sent');
  const outcome = () => ctx.eventsSinceEntry().find((event) => isOutcomeOf(event, node.id, messageId));
  const deadline = ctx.waitAnchor + durationToMs(wait.timeout);
  const result = await ctx.waitUntil(deadline, () => outcome() !== undefined);
  if (result === 'interrupted') return INTERRUPTED;
  const recorded = result === 'woken' ? outcome()?.type.slice(CALL_EVENT_PREFIX.length) : undefined;
  const exit = wait.exits.find((candidate) => candidate === recorded);
  return viaPort(exit ? `call:${exit}` : 'sent');
}
