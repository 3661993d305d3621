import type { DeliveryPolicy } from '@touchpoint/language';
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Every delivery policy (caps, quiet hours, default time zone) the business has saved, numbered 2,
 * 3, … and only ever inserted: the current one is the highest `version`. Version 1 is the built-in
 * policy the product starts with, never stored, so a fresh install answers with it. Senders read
 * the highest version before each decision: a save applies to the next send without a restart.
 */
export const deliverySettings = pgTable('delivery_settings', {
  version: integer('version').primaryKey(),
  policy: jsonb('policy').$type<DeliveryPolicy>().notNull(),
  /** Who saved it (the API key's name), as on the audit trail. */
  savedBy: text('saved_by').notNull(),
  createdAt: createdAt(),
});

export type DeliverySettingsRow = typeof deliverySettings.$inferSelect;
