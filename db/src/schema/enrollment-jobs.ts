import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { journeys } from './journeys';

/** States of a bulk (CSV) enrollment job. */
export const ENROLLMENT_JOB_STATUSES = ['running', 'completed', 'failed'] as const;
export const EnrollmentJobStatus = z.enum(ENROLLMENT_JOB_STATUSES);
export type EnrollmentJobStatus = z.infer<typeof EnrollmentJobStatus>;

/** One row that could not be enrolled: its line in the upload, the client id given, and why. */
export const EnrollmentJobFailure = z.object({
  line: z.number().int(),
  clientId: z.string(),
  reason: z.string(),
});
export type EnrollmentJobFailure = z.infer<typeof EnrollmentJobFailure>;

/**
 * A bulk enrollment of uploaded clients into one published journey version, with progress the
 * builder polls: `done` rows processed so far (enrolled + failed), each failure with its reason.
 */
export const enrollmentJobs = pgTable('enrollment_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  journeyId: uuid('journey_id')
    .notNull()
    .references(() => journeys.id, { onDelete: 'cascade' }),
  journeyVersion: integer('journey_version').notNull(),
  status: text('status').$type<EnrollmentJobStatus>().notNull().default('running'),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  enrolled: integer('enrolled').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  failures: jsonb('failures').$type<EnrollmentJobFailure[]>().notNull().default([]),
  /** Why the whole job stopped (status `failed`), e.g. Temporal unreachable. */
  error: text('error'),
  finishedAt: moment('finished_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type EnrollmentJobRow = typeof enrollmentJobs.$inferSelect;
