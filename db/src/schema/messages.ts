import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { clients } from './clients';
import { enrollments } from './enrollments';
import { MessageStatus } from './kinds';
import type { ChannelKind } from './kinds';

/** One entry of a message's status timeline (appended, never rewritten). */
export const MessageStatusEntry = z.object({
  status: MessageStatus,
  at: z.iso.datetime({ offset: true }),
  detail: z.string().optional(),
});
export type MessageStatusEntry = z.infer<typeof MessageStatusEntry>;

/** The whole timeline, oldest first. */
export const MessageStatusTimeline = z.array(MessageStatusEntry);
export type MessageStatusTimeline = z.infer<typeof MessageStatusTimeline>;

/** What was rendered and handed to the provider (kept for the timeline and the demo mailbox). */
export const MessageContent = z.object({
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  to: z.string().optional(),
  offer: z.record(z.string(), z.unknown()).optional(),
});
export type MessageContent = z.infer<typeof MessageContent>;

/**
 * Outbox of every communication. The unique `idempotencyKey` (derived from the workflow's node visit) is
 * what makes a retried or replayed send a no-op: the row is inserted before the provider is called and the
 * provider id is stored after. `status` is the latest entry of `statusTimeline`.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    journeyId: uuid('journey_id'),
    journeyVersion: integer('journey_version'),
    nodeId: text('node_id'),
    channel: text('channel').$type<ChannelKind>().notNull(),
    templateId: uuid('template_id'),
    status: text('status').$type<MessageStatus>().notNull().default('queued'),
    statusTimeline: jsonb('status_timeline').$type<MessageStatusTimeline>().notNull().default([]),
    providerMessageId: text('provider_message_id'),
    content: jsonb('content').$type<MessageContent>().notNull().default({}),
    sentAt: moment('sent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('messages_idempotency_key_key').on(t.idempotencyKey),
    index('messages_client_idx').on(t.clientId, t.createdAt),
    index('messages_provider_id_idx').on(t.providerMessageId),
    index('messages_journey_node_idx').on(t.journeyId, t.journeyVersion, t.nodeId),
  ],
);

export type MessageRow = typeof messages.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;
