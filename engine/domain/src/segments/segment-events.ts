import { SEGMENT_EVENT_TYPES } from '@touchpoint/language';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { INTERNAL_EVENT_KEY_PREFIXES } from '../ingest/internal-event-keys';

/** The event types of segment transitions: the journey language's, which journeys enter and exit on. */
export const SEGMENT_TRANSITION_TYPES = {
  entered: SEGMENT_EVENT_TYPES.enter,
  left: SEGMENT_EVENT_TYPES.leave,
} as const;
export type SegmentTransitionKind = keyof typeof SEGMENT_TRANSITION_TYPES;

/** Who decides a segment's members: a saved rule, or one of the built-in classifications. */
export const SEGMENT_FAMILIES = ['rule', 'rfm', 'lifecycle', 'overdue'] as const;
export type SegmentFamily = (typeof SEGMENT_FAMILIES)[number];

/**
 * The idempotency key of one transition: `segment:<segment id>:<client id>:<n>:<entered|left>`, where
 * `n` counts the client's entries into the segment. The same transition decided twice (a recompute
 * killed after committing some chunks and run again, or a purchase's update racing the daily run)
 * gets the same key, and the event store keeps one.
 */
export function segmentTransitionKey(
  segmentId: string,
  clientId: string,
  entry: number,
  kind: SegmentTransitionKind,
): string {
  return `${INTERNAL_EVENT_KEY_PREFIXES.segment}${segmentId}:${clientId}:${entry}:${kind}`;
}

/** `segmentTransitionKey` as SQL over columns, for the statement that stores transitions set-based. */
export function segmentTransitionKeySql(segmentId: SQL, clientId: SQL, entry: SQL, kind: SQL): SQL<string> {
  const prefix = sql`${INTERNAL_EVENT_KEY_PREFIXES.segment}::text`;
  return sql<string>`(${prefix} || ${segmentId} || ':' || ${clientId} || ':' || ${entry} || ':' || ${kind})`;
}
