import { eventTypes, type Executor } from '@touchpoint/db';
import { asc } from 'drizzle-orm';

/** One event type stored so far: how many of it and when the latest happened. */
export interface EventTypeCount {
  type: string;
  count: number;
  lastOccurredAt: Date;
}

/**
 * Every event type stored so far, by name, read from the `event_types` rollup that storing events
 * keeps current (never a GROUP BY over all events).
 */
export async function listEventTypes(db: Executor): Promise<EventTypeCount[]> {
  return db
    .select({ type: eventTypes.type, count: eventTypes.count, lastOccurredAt: eventTypes.lastOccurredAt })
    .from(eventTypes)
    .orderBy(asc(eventTypes.type));
}
