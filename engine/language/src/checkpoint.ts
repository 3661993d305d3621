import { z } from 'zod';
import type { Offset } from './duration';
import { durationToMs } from './duration';

/**
 * The event type every purchase is recorded as (the same string as db's `PURCHASE_EVENT_TYPE`; the
 * language imports nothing of ours). The expected next purchase is computed from these.
 */
export const PURCHASE_EVENT_TYPE = 'purchase';

/** What a client's checkpoint date is read from. */
export const CHECKPOINT_SOURCES = ['attribute', 'expectedNextPurchase'] as const;

/**
 * The per-client date a journey is timed against. `attribute` reads a date attribute of the client
 * (contract end, booking date, birthday); `expectedNextPurchase` is the smart trigger's computed fact
 * (last purchase + the client's mean inter-purchase interval). `movedBy` lists the event types after
 * which the checkpoint is reloaded and waiting clients re-timed.
 */
export const CheckpointRef = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('attribute'),
    attribute: z.string().min(1),
    movedBy: z.array(z.string().min(1)).default([]),
  }),
  z.object({
    source: z.literal('expectedNextPurchase'),
    movedBy: z.array(z.string().min(1)).default([PURCHASE_EVENT_TYPE]),
  }),
]);
export type CheckpointRef = z.infer<typeof CheckpointRef>;

/**
 * A checkpoint for the `loadClientContext` activity to load, keyed by {@link checkpointKey}: a client
 * date attribute or the smart trigger's expected next purchase.
 */
export const CheckpointQuery = z.object({
  key: z.string(),
  source: z.enum(CHECKPOINT_SOURCES),
  attribute: z.string().optional(),
});
export type CheckpointQuery = z.infer<typeof CheckpointQuery>;

/**
 * What to do when the moment a node is timed for (checkpoint + offset) is already past:
 * `skip` leaves the step out, `runNow` runs it once immediately. Never a burst of catch-up sends.
 */
export const PAST_CHECKPOINT_POLICIES = ['skip', 'runNow'] as const;
export const PastCheckpointPolicy = z.enum(PAST_CHECKPOINT_POLICIES);
export type PastCheckpointPolicy = z.infer<typeof PastCheckpointPolicy>;

/** A stable string key for a checkpoint reference, used to cache loaded checkpoints. */
export function checkpointKey(ref: CheckpointRef): string {
  return ref.source === 'attribute' ? `attribute:${ref.attribute}` : ref.source;
}

/** The outcome of timing a step against a checkpoint. */
export type CheckpointDecision =
  | { action: 'wait'; until: number }
  | { action: 'run' }
  | { action: 'skip'; reason: 'checkpointPassed' | 'supersededByLaterStep' | 'noCheckpoint' };

/** Inputs of {@link decideCheckpointWait}; times are epoch milliseconds. */
export interface CheckpointWaitInput {
  now: number;
  /** The client's checkpoint, or null when the client has none (no purchases, no attribute). */
  checkpoint: number | null;
  offset: Offset;
  policy: PastCheckpointPolicy;
  /**
   * The offset of the next step timed against the same checkpoint (ladder rungs). When that step is
   * also already past, this one is skipped even under `runNow`, so a late entrant gets one message
   * (the latest due), not a burst of every missed one.
   */
  nextOffset?: Offset;
}

/** Decides whether to wait until checkpoint + offset, run now, or skip (see {@link PastCheckpointPolicy}). */
export function decideCheckpointWait(input: CheckpointWaitInput): CheckpointDecision {
  if (input.checkpoint === null) return { action: 'skip', reason: 'noCheckpoint' };
  const due = input.checkpoint + durationToMs(input.offset);
  if (due > input.now) return { action: 'wait', until: due };
  if (input.policy === 'skip') return { action: 'skip', reason: 'checkpointPassed' };
  const nextDue = input.nextOffset ? input.checkpoint + durationToMs(input.nextOffset) : null;
  if (nextDue !== null && nextDue <= input.now) return { action: 'skip', reason: 'supersededByLaterStep' };
  return { action: 'run' };
}

/** Whole days from `now` to the checkpoint (negative once the checkpoint has passed). */
export function daysToCheckpoint(now: number, checkpoint: number): number {
  return Math.floor((checkpoint - now) / 86_400_000);
}
