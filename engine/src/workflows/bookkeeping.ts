import { isCancellation, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { LocalActivityOptions } from '@temporalio/workflow';
import type { BookkeepingWrite, JourneyActivities } from '@touchpoint/activities';
import { NODE_ID_ATTRIBUTE } from './search-attributes';

/**
 * A run's bookkeeping (enrollment begun, node visits and transitions, migration, finish, the current
 * node's search attribute) is collected while the task computes and written by ONE local activity where
 * the workflow would block: before a wait, a send or another side effect, and at the end. Each local
 * activity is a round trip between the workflow thread and the worker's main thread, which also serves
 * the database and every other task; ten of them in a row per task made bursts exceed the 10 s workflow
 * task timeout. Runs whose history predates the patch keep one activity per write, so they still replay.
 */
export const BATCHED_BOOKKEEPING_PATCH = 'batched-bookkeeping';

/** Same retry policy as the single writes: cheap, idempotent, worth retrying for a long time. */
const FLUSH_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: ['InvalidActivityInput'],
  },
};
const { recordBookkeeping } = proxyLocalActivities<JourneyActivities>(FLUSH_OPTIONS);

/** Mirrors `BOOKKEEPING_BATCH_LIMIT` of the activity contract (workflows may import types only). */
const BATCH_LIMIT = 100;

/** The writes of the current workflow task not yet recorded, and the search attribute not yet set. */
export class BookkeepingBatch {
  private writes: BookkeepingWrite[] = [];
  private pendingNodeId: string | null = null;

  constructor(private readonly useSearchAttributes: boolean) {}

  /** Queues a write; a batch that reaches the limit is flushed at once so no flush grows unbounded. */
  async add(write: BookkeepingWrite): Promise<void> {
    this.writes.push(write);
    if (this.writes.length >= BATCH_LIMIT) await this.flush();
  }

  /** Remembers the node to show in the search attribute: only the last one of a task is upserted. */
  showNode(nodeId: string): void {
    if (this.useSearchAttributes) this.pendingNodeId = nodeId;
  }

  /**
   * Records everything queued. The writes are taken before the call, so a flush that fails for good
   * is not repeated by the failure path's own flush (which then carries only the `failed` finish); a
   * flush cancelled with the run puts them back, for the `cancelled` finish to record.
   */
  async flush(): Promise<void> {
    if (this.pendingNodeId !== null) {
      upsertSearchAttributes([{ key: NODE_ID_ATTRIBUTE, value: this.pendingNodeId }]);
      this.pendingNodeId = null;
    }
    if (this.writes.length === 0) return;
    const writes = this.writes;
    this.writes = [];
    try {
      await recordBookkeeping({ writes });
    } catch (error) {
      if (isCancellation(error)) this.writes = [...writes, ...this.writes];
      throw error;
    }
  }
}

/**
 * Wraps activities so each call first flushes the batch: whatever they do (send, update the client,
 * start another journey) happens after the visits that led to it are recorded, as before batching.
 * `exempt` names read-only calls that need nothing recorded first (they read no bookkeeping).
 */
export function flushingBefore<T extends object>(
  activities: T,
  batch: BookkeepingBatch,
  exempt: ReadonlySet<string> = new Set(),
): T {
  return new Proxy(activities, {
    get(target, name) {
      const activity: unknown = Reflect.get(target, name);
      if (typeof name !== 'string' || exempt.has(name) || typeof activity !== 'function') return activity;
      return async (...args: unknown[]) => {
        await batch.flush();
        return (activity as (...input: unknown[]) => Promise<unknown>)(...args);
      };
    },
  });
}
