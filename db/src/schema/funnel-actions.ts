import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, moment } from './columns';
import { clients } from './clients';
import { enrollments } from './enrollments';
import { messages } from './messages';

/**
 * A step of the client's funnel (open, click, call, meeting, booking, deal — names configurable), with the
 * message and node it is attributed to when one claims it within its measurement window. `sourceKey` makes
 * recording idempotent (e.g. `event:<eventId>` or `call:<taskId>`).
 */
export const funnelActions = pgTable(
  'funnel_actions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceKey: text('source_key').notNull(),
    type: text('type').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    occurredAt: moment('occurred_at').notNull(),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    journeyId: uuid('journey_id'),
    journeyVersion: integer('journey_version'),
    nodeId: text('node_id'),
    eventId: bigint('event_id', { mode: 'number' }),
    /**
     * The funnel taxonomy version the action was named and attributed under (the current one when it
     * was recorded; null: recorded before versions were kept, i.e. under the defaults). Reports never
     * read this table — they recompute from the facts with whichever version is asked for.
     */
    taxonomyVersion: integer('taxonomy_version'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('funnel_actions_source_key_key').on(t.sourceKey),
    index('funnel_actions_client_time_idx').on(t.clientId, t.occurredAt),
    index('funnel_actions_journey_node_idx').on(t.journeyId, t.journeyVersion, t.nodeId),
  ],
);

export type FunnelActionRow = typeof funnelActions.$inferSelect;
export type NewFunnelActionRow = typeof funnelActions.$inferInsert;
