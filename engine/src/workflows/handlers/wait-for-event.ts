import { durationToMs, matchesEvent } from '@touchpoint/language';
import type { EventExit, WaitForEventNode } from '@touchpoint/language';
import type { InboxEvent, RunContext } from '../run-context';
import { INTERRUPTED, viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

/** An event scoped to a node counts only when it belongs to a message or call task that node created. */
function isInScope(exit: EventExit, event: InboxEvent, ctx: RunContext): boolean {
  if (!exit.scope) return true;
  const scopeNode = exit.scope.nodeId;
  if (event.messageId && ctx.state.sentMessages[scopeNode]?.includes(event.messageId)) return true;
  // Compiled ladder steps carry the ladder's id as origin, so "the ladder's message" matches any rung.
  return event.nodeId !== undefined && (ctx.plan.nodes[event.nodeId]?.origin ?? event.nodeId) === scopeNode;
}

/** Waits for the first matching event after arrival (first exit in order wins) or the timeout. */
export async function runWaitForEvent(node: WaitForEventNode, ctx: RunContext): Promise<NodeOutcome> {
  const findMatch = (): string | null => {
    for (const event of ctx.eventsSinceEntry()) {
      const exit = node.config.exits.find(
        (candidate) => matchesEvent(candidate.event, event) && isInScope(candidate, event, ctx),
      );
      if (exit) return `event:${exit.id}`;
    }
    return null;
  };
  const deadline = ctx.waitAnchor + durationToMs(node.config.timeout);
  const result = await ctx.waitUntil(deadline, () => findMatch() !== null);
  if (result === 'interrupted') return INTERRUPTED;
  if (result === 'deadline') return viaPort('timeout');
  return viaPort(findMatch() as string);
}
