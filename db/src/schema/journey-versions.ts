import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import type { StoredJourneyDefinition } from './journeys';
import { journeys } from './journeys';
import { users } from './users';

/**
 * An immutable published version (numbered 1, 2, … per journey). Rows are only ever inserted: a running
 * client stays on the version it entered, so its definition must never change under it.
 */
export const journeyVersions = pgTable(
  'journey_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    definition: jsonb('definition').$type<StoredJourneyDefinition>().notNull(),
    note: text('note'),
    /** The publisher's change summary ("what changed and why"), shown in the version history. */
    summary: text('summary'),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('journey_versions_journey_number_key').on(t.journeyId, t.number)],
);

export type JourneyVersionRow = typeof journeyVersions.$inferSelect;
export type NewJourneyVersionRow = typeof journeyVersions.$inferInsert;
