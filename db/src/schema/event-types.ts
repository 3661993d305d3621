import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { moment, updatedAt } from './columns';

/**
 * One row per event type ever stored, kept current by `storeEvents` in the same transaction as the
 * events (one upsert per distinct type per batch), so `GET /v1/event-types` reads a few rows instead of
 * grouping the whole events table. `count` and the first / last `occurred_at` equal a recount of events.
 */
export const eventTypes = pgTable('event_types', {
  type: text('type').primaryKey(),
  count: bigint('count', { mode: 'number' }).notNull(),
  firstOccurredAt: moment('first_occurred_at').notNull(),
  lastOccurredAt: moment('last_occurred_at').notNull(),
  updatedAt: updatedAt(),
});

export type EventTypeRow = typeof eventTypes.$inferSelect;
