import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { moment } from './columns';
import { clients } from './clients';

/** Event payload as sent by the CRM or the site; journeys filter on it. */
export const EventProperties = z.record(z.string(), z.unknown());
export type EventProperties = z.infer<typeof EventProperties>;

/**
 * Append-only log of client events. Rows are never updated except by the router: `routedAt`, set once
 * the event has been delivered to journeys (the sweep routes every row where it is still null, which
 * makes routing replayable after a crash between store and route), and `routingClaimedUntil`, the
 * short lease a routing pass takes on the rows it is delivering so that another pass leaves them alone
 * without a transaction held open across Temporal calls. `id` is an identity so the sweep can walk
 * events in arrival order.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    occurredAt: moment('occurred_at').notNull(),
    receivedAt: moment('received_at').notNull().defaultNow(),
    properties: jsonb('properties').$type<EventProperties>().notNull().default({}),
    idempotencyKey: text('idempotency_key').notNull(),
    source: text('source').notNull().default('api'),
    messageId: uuid('message_id'),
    nodeId: text('node_id'),
    routedAt: moment('routed_at'),
    /** A routing pass is delivering this event until then; past it (the pass died) any pass may take it. */
    routingClaimedUntil: moment('routing_claimed_until'),
  },
  (t) => [
    uniqueIndex('events_idempotency_key_key').on(t.idempotencyKey),
    index('events_client_time_idx').on(t.clientId, t.occurredAt),
    index('events_unrouted_idx')
      .on(t.id)
      .where(sql`${t.routedAt} is null`),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
