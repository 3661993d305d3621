import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import type { ChannelKind, TemplateFormat } from './kinds';

/**
 * Content template for one channel (Liquid placeholders over client, facts and offer). `subject` is used by
 * email only; `body` is MJML, HTML or plain text per `format`. `key` + `channel` is unique, so one logical
 * message can have an email and an SMS variant under the same key.
 */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    channel: text('channel').$type<ChannelKind>().notNull(),
    name: text('name').notNull(),
    format: text('format').$type<TemplateFormat>().notNull().default('text'),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('templates_key_channel_key').on(t.key, t.channel)],
);

export type TemplateRow = typeof templates.$inferSelect;
export type NewTemplateRow = typeof templates.$inferInsert;
