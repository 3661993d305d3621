import { integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { journeys } from './journeys';

/**
 * Enrollment counts per journey (all versions), kept current by the bookkeeping that changes an
 * enrollment's status (`beginEnrollment`, `finishEnrollment`, in their transaction), so the journey
 * list shows its totals without counting every enrollment of every journey. `converted` is the part of
 * `completed` that reached the goal (exit reason `converted`). Equal to a recount of `enrollments`.
 */
export const journeyTotals = pgTable('journey_totals', {
  journeyId: uuid('journey_id')
    .primaryKey()
    .references(() => journeys.id, { onDelete: 'cascade' }),
  enrolled: integer('enrolled').notNull().default(0),
  active: integer('active').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  converted: integer('converted').notNull().default(0),
  exited: integer('exited').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  updatedAt: updatedAt(),
});

export type JourneyTotalsRow = typeof journeyTotals.$inferSelect;
