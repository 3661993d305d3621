import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, moment, updatedAt } from './columns';
import { clients } from './clients';
import { journeys } from './journeys';
import type { ControlGroup, EnrollmentSource, EnrollmentStatus } from './kinds';

/**
 * One client's run through one journey version; backed by exactly one Temporal workflow whose id is
 * `workflowId` (deterministic, so re-enrolling the same client is rejected by Temporal and by the unique
 * index). Holdout clients are enrolled (for uplift) but never messaged.
 */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    journeyVersion: integer('journey_version').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    enrollmentKey: text('enrollment_key'),
    workflowId: text('workflow_id').notNull(),
    isHoldout: boolean('is_holdout').notNull().default(false),
    stratum: text('stratum'),
    /**
     * Which control group holds the client out: `journey` (this journey's holdout) or `global` (the
     * global control group); null when treated. `is_holdout` is true exactly when this is set.
     */
    controlGroup: text('control_group').$type<ControlGroup>(),
    status: text('status').$type<EnrollmentStatus>().notNull().default('active'),
    source: text('source').$type<EnrollmentSource>().notNull(),
    enteredAt: moment('entered_at').notNull().defaultNow(),
    exitedAt: moment('exited_at'),
    exitReason: text('exit_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrollments_workflow_id_key').on(t.workflowId),
    index('enrollments_client_idx').on(t.clientId),
    index('enrollments_journey_version_status_idx').on(t.journeyId, t.journeyVersion, t.status),
    index('enrollments_journey_stratum_idx').on(t.journeyId, t.stratum),
  ],
);

export type EnrollmentRow = typeof enrollments.$inferSelect;
export type NewEnrollmentRow = typeof enrollments.$inferInsert;
