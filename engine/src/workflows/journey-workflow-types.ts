import type { ChannelKind } from '@touchpoint/language';
import type { ClientEvent } from './signals';

/** How the client got in (stored on the enrollment). */
export type EnrollmentSource = 'event' | 'manual' | 'csv' | 'journey' | 'segment';

/** Where a node visit came from: the previous visit and the port it left by. */
export interface VisitOrigin {
  nodeId: string;
  visitSeq: number;
  port: string;
  skipReason?: string;
}

/** The node the client is on; everything a handler needs to resume it after continue-as-new. */
export interface JourneyCursor {
  nodeId: string;
  visitSeq: number;
  /** Epoch ms the client arrived; waits are measured from here, so a resumed wait keeps its deadline. */
  enteredAt: number;
  /**
   * Epoch ms the node's waits are measured from when not `enteredAt`: a client moved onto this node
   * by a version migration keeps the deadline of the wait it was on.
   */
  anchoredAt?: number;
  /** Last event sequence number seen before arriving: only later events count for this node. */
  eventSeqAtEntry: number;
  from: VisitOrigin | null;
  isRecorded: boolean;
}

/** State carried through continue-as-new. */
export interface JourneyRunState {
  enrollmentId: string;
  /** Epoch ms of enrollment (goal windows run from here). */
  enrolledAt: number;
  cursor: JourneyCursor;
  nextVisitSeq: number;
  eventSeq: number;
  /** Unconsumed recent events (bounded), so a wait resumed after continue-as-new still sees them. */
  inbox: (ClientEvent & { seq: number })[];
  /** Recently seen event ids (bounded), so a redelivered event is ignored. */
  seenEventIds: string[];
  /** Message ids sent per drawn node (bounded), for events scoped to "the message node X sent". */
  sentMessages: Record<string, string[]>;
  path: string[];
}

/**
 * Input of {@link journeyWorkflow}. `definition` is the published version's snapshot: the client
 * stays on it for the whole enrollment. `state` is set only by continue-as-new.
 */
export interface JourneyWorkflowInput {
  journeyId: string;
  journeyVersion: number;
  clientId: string;
  definition: unknown;
  enrollmentKey: string | null;
  source: EnrollmentSource;
  /**
   * The event that enrolled the client (event entry only). It never counts as the goal: the goal
   * window starts after entry, so a journey entered on a purchase converts on the next purchase.
   */
  entryEventId?: string;
  /** Task queue per channel for sends (the channel workers'); defaults to the journey's own queue. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** History length after which the run continues as new (default 5,000 events). */
  historyLimit?: number;
  /** Upsert the current node as a search attribute (default true; needs the attributes registered). */
  useSearchAttributes?: boolean;
  state?: JourneyRunState;
}

/** How an enrollment ended. `completed`: reached an exit node or the goal (`reason: 'converted'`). */
export interface JourneyWorkflowResult {
  status: 'completed' | 'exited';
  reason: string;
  path: string[];
}
