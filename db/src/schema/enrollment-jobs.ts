import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { EnrollmentJobStatus } from '@touchpoint/language';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { journeys } from './journeys';

// The job states are a closed set of the language, re-exported where the table's users look.
export { ENROLLMENT_JOB_STATUSES, EnrollmentJobStatus } from '@touchpoint/language';

/** One row that could not be enrolled: its line in the upload, the client id given, and why. */
export const EnrollmentJobFailure = z
  .object({
    line: z.number().int().describe('1-based line in the uploaded file'),
    clientId: z.string().describe('the client id on that line'),
    reason: z.string().describe('why the client was not enrolled'),
    code: z
      .enum(['unknownClient', 'alreadyEnrolled', 'duplicateRow'])
      .optional()
      .describe('why, as a code (jobs stored before it came have none)'),
  })
  .describe('one row that could not be enrolled');
export type EnrollmentJobFailure = z.infer<typeof EnrollmentJobFailure>;

/** One data row of an upload, kept with its job so any API process can finish the job. */
export const EnrollmentJobRowInput = z.object({
  /** 1-based line in the uploaded file. */
  line: z.number().int(),
  /** The client's external (CRM) id as written in the file. */
  clientId: z.string(),
});
export type EnrollmentJobRowInput = z.infer<typeof EnrollmentJobRowInput>;

/**
 * A bulk enrollment of uploaded clients into one published journey version, with progress the
 * builder polls: `done` rows processed so far (enrolled + failed), each failure with its reason.
 *
 * The job is durable: `rows` keeps the parsed upload and `done` is how far it got (both written in
 * one statement per chunk), so while `status` is `running` any API process can take the job over
 * (under an exclusive lease, see `withExclusiveLease`) and continue from row `done`.
 */
export const enrollmentJobs = pgTable(
  'enrollment_jobs',
  {
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
    /** The uploaded rows in file order; row `done` is the first not yet processed. */
    rows: jsonb('rows').$type<EnrollmentJobRowInput[]>().notNull().default([]),
    finishedAt: moment('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // The resume sweep of every API process looks for running jobs every few seconds.
  (t) => [
    index('enrollment_jobs_running_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'running'`),
  ],
);

export type EnrollmentJobRow = typeof enrollmentJobs.$inferSelect;
