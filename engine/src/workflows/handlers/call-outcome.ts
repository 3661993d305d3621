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

/**
 * A `callBack` outcome with a time is not the call's end: the call center queued the next call for
 * then, with the same message, so the step waits on for that call's outcome. Runs recorded before
 * took the first outcome, whatever it was, and still do.
 */
export const CALL_CALLBACK_WAIT_PATCH = 'call-callback-wait';

const CALL_EVENT_PREFIX = 'call.';

/** When the client asked to be called back (epoch ms); null for an outcome that ends the call. */
function callbackAtOf(event: InboxEvent): number | null {
  const at = event.properties['callbackAt'];
  const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** The outcome event of the task this visit's call created (the call center signals `call.<outcome>`). */
function isOutcomeOf(event: InboxEvent, nodeId: string, messageId: string): boolean {
  if (!event.type.startsWith(CALL_EVENT_PREFIX)) return false;
  return event.messageId === messageId || event.nodeId === nodeId;
}

/**
 * Waits, after a call task was created, for its outcome or the timeout (measured from the client's
 * arrival at the step, so a resumed run keeps its deadline; a callback moves it to the timeout after
 * the callback time). An outcome the marketer gave an exit leaves by `call:<outcome>`; any other
 * outcome, or none in time, leaves by `sent` as before.
 */
export async function awaitCallOutcome(
  node: SendNode,
  wait: CallOutcomeWait,
  messageId: string,
  ctx: RunContext,
): Promise<NodeOutcome> {
  if (!patched(CALL_OUTCOME_WAIT_PATCH)) return viaPort('sent');
  const outcomes = () => ctx.eventsSinceEntry().filter((event) => isOutcomeOf(event, node.id, messageId));
  const timeoutMs = durationToMs(wait.timeout);
  const deadline = ctx.waitAnchor + timeoutMs;
  if (!patched(CALL_CALLBACK_WAIT_PATCH)) {
    const result = await ctx.waitUntil(deadline, () => outcomes().length > 0);
    if (result === 'interrupted') return INTERRUPTED;
    return leaveBy(wait, result === 'woken' ? outcomes()[0] : undefined);
  }
  const final = () => outcomes().find((event) => callbackAtOf(event) === null);
  for (;;) {
    // Each callback moves the deadline to the timeout after the time the client named.
    const callbacks = outcomes().flatMap((event) => callbackAtOf(event) ?? []);
    const until = Math.max(deadline, ...callbacks.map((at) => at + timeoutMs));
    const seen = outcomes().length;
    const result = await ctx.waitUntil(until, () => final() !== undefined || outcomes().length > seen);
    if (result === 'interrupted') return INTERRUPTED;
    if (result === 'deadline' || final() !== undefined) return leaveBy(wait, final());
  }
}

/** An outcome the marketer gave an exit leaves by `call:<outcome>`; any other, or none, by `sent`. */
function leaveBy(wait: CallOutcomeWait, event: InboxEvent | undefined): NodeOutcome {
  const recorded = event?.type.slice(CALL_EVENT_PREFIX.length);
  const exit = wait.exits.find((candidate) => candidate === recorded);
  return viaPort(exit ? `call:${exit}` : 'sent');
}
