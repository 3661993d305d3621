import {
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { LocalActivityOptions } from '@temporalio/workflow';
import type { JourneyActivities, SendActivities } from '@touchpoint/activities';
import {
  checkpointKey,
  collectConditionNeeds,
  durationToMs,
  matchesEvent,
  type ChannelKind,
  type CheckpointRef,
  type ClientContext,
  type Condition,
  type JourneyPlan,
} from '@touchpoint/language';
import { flushingBefore } from './bookkeeping';
import type { BookkeepingBatch } from './bookkeeping';
import type { JourneyRunState, JourneyWorkflowInput } from './journey-workflow-types';
import type { ClientEvent, MigrationRequest } from './signals';

const INBOX_LIMIT = 100;
const SEEN_IDS_LIMIT = 500;
const DEFAULT_HISTORY_LIMIT = 5_000;

/** Bookkeeping is cheap and idempotent: retry it for a long time rather than lose a client's run. */
const BOOKKEEPING_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: ['InvalidActivityInput'],
  },
};
const journeyActivities = proxyActivities<JourneyActivities>(BOOKKEEPING_OPTIONS);
const localJourneyActivities = proxyLocalActivities<JourneyActivities>(BOOKKEEPING_OPTIONS);

/**
 * Runs bookkeeping as local activities: a marker in history instead of a scheduled activity and a
 * workflow task of its own, about a third of the events and round trips per node visit. Runs whose
 * history predates the patch keep scheduling regular activities, so they still replay.
 */
export const LOCAL_BOOKKEEPING_PATCH = 'local-bookkeeping';

/**
 * The enrolling event no longer counts as the goal. Only runs that know their entry event (started
 * since `entryEventId` exists) reach the patch, so every older history replays as it ran.
 */
export const GOAL_AFTER_ENTRY_PATCH = 'goal-after-entry';

/** Why the client must leave the journey now. */
export interface ExitRequest {
  status: 'completed' | 'exited';
  reason: string;
}

/** What a wait ended with: its deadline, the awaited wake-up, or an interruption (exit / continue-as-new). */
export type WaitResult = 'deadline' | 'woken' | 'interrupted';

export type InboxEvent = ClientEvent & { seq: number };

/**
 * The per-run context handlers work through: the plan, carried state, the event inbox, interruptible
 * waits and the activities. Signal handlers only append to the inbox and raise exit requests; node
 * handlers consume them, which keeps all decisions in the main loop's order (deterministic).
 */
export class RunContext {
  exitRequest: ExitRequest | null = null;
  migrationRequest: MigrationRequest | null = null;
  private clientContextCache: ClientContext | null = null;
  private readonly batchedActivities: typeof journeyActivities | null;

  /** `bookkeeping` is the run's write batch, or null for a run that predates batching (one call per write). */
  constructor(
    readonly input: JourneyWorkflowInput,
    readonly plan: JourneyPlan,
    readonly state: JourneyRunState,
    readonly bookkeeping: BookkeepingBatch | null = null,
  ) {
    // Loading the client's context reads clients, facts and events, none of which the batch writes.
    this.batchedActivities = bookkeeping
      ? flushingBefore(localJourneyActivities, bookkeeping, new Set(['loadClientContext']))
      : null;
  }

  get workflowId(): string {
    return workflowInfo().workflowId;
  }

  get activities(): typeof journeyActivities {
    if (this.batchedActivities) return this.batchedActivities;
    return patched(LOCAL_BOOKKEEPING_PATCH) ? localJourneyActivities : journeyActivities;
  }

  /** Records the batched writes now (a no-op for runs without a batch, whose writes are already made). */
  async flushBookkeeping(): Promise<void> {
    await this.bookkeeping?.flush();
  }

  /** The send activities on `channel`'s task queue (the workflow's own queue when none is configured). */
  sendActivitiesOn(channel: ChannelKind): SendActivities {
    const taskQueue = this.input.sendTaskQueues?.[channel] ?? workflowInfo().taskQueue;
    const activities = proxyActivities<SendActivities>({
      taskQueue,
      startToCloseTimeout: '2 minutes',
      retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
    });
    // A send's outbox row names the enrollment and the visit: both must be recorded first.
    return this.bookkeeping ? flushingBefore(activities, this.bookkeeping) : activities;
  }

  /** True when history has grown enough that the run should continue as new at the next safe point. */
  shouldContinueAsNew(): boolean {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested || info.historyLength >= (this.input.historyLimit ?? DEFAULT_HISTORY_LIMIT)
    );
  }

  /** Accepts an event from the signal; returns false for a redelivered one. */
  acceptEvent(event: ClientEvent): InboxEvent | null {
    if (this.state.seenEventIds.includes(event.eventId)) return null;
    this.state.seenEventIds.push(event.eventId);
    if (this.state.seenEventIds.length > SEEN_IDS_LIMIT) this.state.seenEventIds.shift();
    this.state.eventSeq += 1;
    const entry = { ...event, seq: this.state.eventSeq };
    this.state.inbox.push(entry);
    if (this.state.inbox.length > INBOX_LIMIT) this.state.inbox.shift();
    return entry;
  }

  /** Raises the goal exit when the event reaches the journey goal within its window (after entry). */
  checkGoal(event: InboxEvent, now: number): void {
    const goal = this.plan.definition.goal;
    if (!goal || this.exitRequest || !matchesEvent(goal.event, event)) return;
    // By id, not type: a journey entered on a purchase with the goal "purchase" converts on the next one.
    if (event.eventId === this.input.entryEventId && patched(GOAL_AFTER_ENTRY_PATCH)) return;
    const windowMs = goal.window ? durationToMs(goal.window) : Infinity;
    if (now - this.state.enrolledAt <= windowMs)
      this.exitRequest = { status: 'completed', reason: 'converted' };
  }

  /** Epoch ms the current node's waits are measured from. */
  get waitAnchor(): number {
    return this.state.cursor.anchoredAt ?? this.state.cursor.enteredAt;
  }

  /** Events that arrived after the client reached the current node. */
  eventsSinceEntry(): InboxEvent[] {
    return this.state.inbox.filter((event) => event.seq > this.state.cursor.eventSeqAtEntry);
  }

  /**
   * Sleeps until `deadline` (epoch ms), waking early when `wake` holds, the client must exit, or the
   * run should continue as new. A deadline already past returns at once.
   */
  async waitUntil(deadline: number, wake: () => boolean = () => false): Promise<WaitResult> {
    const interrupted = () =>
      this.exitRequest !== null || this.migrationRequest !== null || this.shouldContinueAsNew();
    if (interrupted()) return 'interrupted';
    if (wake()) return 'woken';
    const remaining = deadline - Date.now();
    if (remaining <= 0) return 'deadline';
    // The run is about to sleep: what this task did must be on record before it does.
    await this.flushBookkeeping();
    const isEarly = await condition(() => interrupted() || wake(), remaining);
    if (!isEarly) return 'deadline';
    return interrupted() ? 'interrupted' : 'woken';
  }

  /** Loads the client's context for conditions and checkpoints (fresh each call: facts change). */
  async loadClientContext(
    conditions: readonly Condition[],
    checkpoints: readonly CheckpointRef[],
  ): Promise<ClientContext> {
    const needs = collectConditionNeeds(conditions);
    const refs = new Map([...needs.checkpoints, ...checkpoints].map((ref) => [checkpointKey(ref), ref]));
    const context = await this.activities.loadClientContext({
      clientId: this.input.clientId,
      at: new Date().toISOString(),
      facts: needs.facts,
      checkpoints: [...refs.entries()].map(([key, ref]) => ({
        key,
        source: ref.source,
        ...(ref.source === 'attribute' ? { attribute: ref.attribute } : {}),
      })),
    });
    this.clientContextCache = context;
    return context;
  }

  /** The client's IANA zone (loaded once per run), or the journey's fallback. */
  async clientTimeZone(): Promise<string> {
    const context = this.clientContextCache ?? (await this.loadClientContext([], []));
    return context.timezone ?? this.plan.definition.settings.timezoneFallback;
  }

  /** Remembers a message a node sent, for events scoped to it. */
  rememberMessage(originNodeId: string, messageId: string): void {
    const list = [...(this.state.sentMessages[originNodeId] ?? []), messageId];
    this.state.sentMessages[originNodeId] = list.slice(-20);
  }
}
