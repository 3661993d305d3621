import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moment } from './columns';
import { enrollments } from './enrollments';

/**
 * Every arrival of an enrollment at a node. `visitSeq` is the workflow's own counter (stable across
 * replays and retries), so recording the same visit twice hits the unique index instead of duplicating.
 * `outcome` is the output port taken; `skipReason` explains a node that did nothing (quiet hours, no
 * consent, holdout…).
 */
export const nodeVisits = pgTable(
  'node_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    journeyId: uuid('journey_id').notNull(),
    journeyVersion: integer('journey_version').notNull(),
    nodeId: text('node_id').notNull(),
    visitSeq: integer('visit_seq').notNull(),
    enteredAt: moment('entered_at').notNull(),
    leftAt: moment('left_at'),
    outcome: text('outcome'),
    skipReason: text('skip_reason'),
  },
  (t) => [
    uniqueIndex('node_visits_enrollment_seq_key').on(t.enrollmentId, t.visitSeq),
    index('node_visits_journey_node_idx').on(t.journeyId, t.journeyVersion, t.nodeId),
  ],
);

export type NodeVisitRow = typeof nodeVisits.$inferSelect;
export type NewNodeVisitRow = typeof nodeVisits.$inferInsert;
