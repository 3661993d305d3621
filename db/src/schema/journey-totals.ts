import { integer, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { journeys } from './journeys';

/**
 * Enrollment counts per journey (all versions), kept current by statement triggers on `enrollments`
 * (custom migration `0018_journey-totals-trigger.sql`) in the writing statement's transaction, whoever
 * writes (bookkeeping, an import, a fixture), so the journey list shows its totals without counting
 * every enrollment of every journey. `converted` is the part of
 * `completed` that reached the goal (exit reason `converted`). Summed over its stripes, equal to a
 * recount of `enrollments`.
 *
 * Each journey's counts are spread over {@link JOURNEY_TOTALS_STRIPES} rows, the stripe picked from the
 * enrollment id: a burst of one journey's enrollments updates different rows instead of queueing every
 * bookkeeping transaction behind one row lock.
 */
export const journeyTotals = pgTable(
  'journey_totals',
  {
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    stripe: smallint('stripe').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    active: integer('active').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    converted: integer('converted').notNull().default(0),
    exited: integer('exited').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.stripe] })],
);

/** Rows per journey in `journey_totals` (see there). */
export const JOURNEY_TOTALS_STRIPES = 16;

/**
 * The stripe an enrollment counts in: from its (random) id, so a burst spreads evenly. The trigger
 * computes the same in SQL (`get_byte(uuid_send(id), 0) % 16`).
 */
export function journeyTotalsStripe(enrollmentId: string): number {
  return Number.parseInt(enrollmentId.slice(0, 2), 16) % JOURNEY_TOTALS_STRIPES;
}

export type JourneyTotalsRow = typeof journeyTotals.$inferSelect;
