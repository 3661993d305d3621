import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { eventTypes } from '@touchpoint/db';
import { chunksOf } from './chunks';

/** An event just stored, as the rollup counts it. */
export interface StoredEventForRollup {
  type: string;
  occurredAt: Date;
}

/**
 * Adds a batch's newly stored events to `event_types`: one upsert row per distinct type, in the
 * caller's transaction, so the rollup commits with the events it counts. Types go in sorted order:
 * concurrent batches lock the same rows in the same order and cannot deadlock on them.
 */
export async function rollUpEventTypes(db: Executor, stored: readonly StoredEventForRollup[]): Promise<void> {
  const byType = new Map<string, { count: number; first: Date; last: Date }>();
  for (const { type, occurredAt } of stored) {
    const seen = byType.get(type);
    if (!seen) byType.set(type, { count: 1, first: occurredAt, last: occurredAt });
    else {
      seen.count += 1;
      if (occurredAt < seen.first) seen.first = occurredAt;
      if (occurredAt > seen.last) seen.last = occurredAt;
    }
  }
  const rows = [...byType.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, seen]) => ({
      type,
      count: seen.count,
      firstOccurredAt: seen.first,
      lastOccurredAt: seen.last,
    }));
  for (const chunk of chunksOf(rows)) {
    await db
      .insert(eventTypes)
      .values(chunk)
      .onConflictDoUpdate({
        target: eventTypes.type,
        set: {
          count: sql`${eventTypes.count} + excluded.count`,
          firstOccurredAt: sql`least(${eventTypes.firstOccurredAt}, excluded.first_occurred_at)`,
          lastOccurredAt: sql`greatest(${eventTypes.lastOccurredAt}, excluded.last_occurred_at)`,
          updatedAt: sql`now()`,
        },
      });
  }
}
