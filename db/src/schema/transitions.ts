import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moment } from './columns';
import { enrollments } from './enrollments';

/**
 * An edge taken by an enrollment: from a node's output port to the next node. Keyed by the visit it left
 * (`fromVisitSeq`) so replays never duplicate it; the canvas stats overlay counts these per edge.
 */
export const transitions = pgTable(
  'transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    journeyId: uuid('journey_id').notNull(),
    journeyVersion: integer('journey_version').notNull(),
    edgeId: text('edge_id'),
    fromNodeId: text('from_node_id').notNull(),
    fromVisitSeq: integer('from_visit_seq').notNull(),
    port: text('port').notNull(),
    toNodeId: text('to_node_id'),
    at: moment('at').notNull(),
  },
  (t) => [
    uniqueIndex('transitions_enrollment_visit_key').on(t.enrollmentId, t.fromVisitSeq),
    index('transitions_journey_idx').on(t.journeyId, t.journeyVersion),
  ],
);

export type TransitionRow = typeof transitions.$inferSelect;
export type NewTransitionRow = typeof transitions.$inferInsert;
