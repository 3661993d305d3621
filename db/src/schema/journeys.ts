import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import type { JourneyStatus } from './kinds';
import { users } from './users';

/**
 * A stored journey definition. The db package cannot import the journey language (it sits above db), so
 * definitions are plain JSON here; the API parses them with `JourneyDefinition` from
 * `@touchpoint/engine/language` on every read and write.
 */
export type StoredJourneyDefinition = Record<string, unknown>;

/**
 * A journey: its editable draft plus the lifecycle status. Published versions live in `journey_versions`;
 * `currentVersion` is the number new enrollments start on (null until the first publish).
 */
export const journeys = pgTable('journeys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  status: text('status').$type<JourneyStatus>().notNull().default('draft'),
  draft: jsonb('draft').$type<StoredJourneyDefinition>().notNull(),
  currentVersion: integer('current_version'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type JourneyRow = typeof journeys.$inferSelect;
export type NewJourneyRow = typeof journeys.$inferInsert;
