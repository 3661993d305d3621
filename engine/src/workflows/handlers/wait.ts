import { checkpointKey, decideCheckpointWait, durationToMs, nextLocalTime } from '@touchpoint/language';
import type { PlanWaitNode, WaitConfig } from '@touchpoint/language';
import type { RunContext } from '../run-context';
import { INTERRUPTED, viaPort } from './outcome';
import type { NodeOutcome } from './outcome';

type CheckpointWait = Extract<WaitConfig, { mode: 'checkpoint' }>;

/**
 * Waits until checkpoint + offset. Events in the checkpoint's `movedBy` list (a new purchase) reload
 * the checkpoint and re-time the wait; a moment already past follows the node's policy.
 */
async function waitForCheckpoint(
  node: PlanWaitNode,
  config: CheckpointWait,
  ctx: RunContext,
): Promise<NodeOutcome> {
  const movedBy = new Set(config.checkpoint.movedBy);
  let seenSeq = ctx.state.cursor.eventSeqAtEntry;
  for (;;) {
    const context = await ctx.loadClientContext([], [config.checkpoint]);
    const iso = context.checkpoints[checkpointKey(config.checkpoint)] ?? null;
    const decision = decideCheckpointWait({
      now: Date.now(),
      checkpoint: iso === null ? null : Date.parse(iso),
      offset: config.offset,
      policy: config.pastCheckpoint,
      ...(node.nextOffset ? { nextOffset: node.nextOffset } : {}),
    });
    if (decision.action === 'run') return viaPort('out');
    if (decision.action === 'skip') return viaPort('skipped', decision.reason);
    const moved = () =>
      ctx.eventsSinceEntry().some((event) => event.seq > seenSeq && movedBy.has(event.type));
    const result = await ctx.waitUntil(decision.until, moved);
    if (result === 'deadline') return viaPort('out');
    if (result === 'interrupted') return INTERRUPTED;
    seenSeq = ctx.state.eventSeq;
  }
}

/** Runs a wait node: a fixed duration, a local time of day, or a checkpoint ± offset. */
export async function runWait(node: PlanWaitNode, ctx: RunContext): Promise<NodeOutcome> {
  const config = node.config;
  const enteredAt = ctx.waitAnchor;
  switch (config.mode) {
    case 'duration': {
      const result = await ctx.waitUntil(enteredAt + durationToMs(config.duration));
      return result === 'interrupted' ? INTERRUPTED : viaPort('out');
    }
    case 'timeOfDay': {
      const zone = await ctx.clientTimeZone();
      const result = await ctx.waitUntil(nextLocalTime(enteredAt, config.time, config.weekdays, zone));
      return result === 'interrupted' ? INTERRUPTED : viaPort('out');
    }
    case 'checkpoint':
      return waitForCheckpoint(node, config, ctx);
    default: {
      const unhandled: never = config;
      throw new Error(`Unhandled wait mode ${JSON.stringify(unhandled)}`);
    }
  }
}
