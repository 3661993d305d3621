import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ExitJobStatus } from '@touchpoint/language';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { journeys } from './journeys';

/** States of an exit job: a set the builder reads too, so its home is the journey language. */
export { EXIT_JOB_STATUSES, ExitJobStatus } from '@touchpoint/language';

/** Why clients in flight leave a journey: the exit reason their enrollments finish with. */
export const EXIT_JOB_REASONS = ['journeyPaused', 'journeyArchived'] as const;
export const ExitJobReason = z.enum(EXIT_JOB_REASONS);
export type ExitJobReason = z.infer<typeof ExitJobReason>;

/**
 * Asks every client still inside a journey to leave (pause with "leave now", archive), with progress
 * the builder polls: `total` clients were inside when it started, `signalled` have been asked so far.
 * How many have actually left is read from their enrollments (status `exited` with this reason).
 *
 * The job needs no cursor: asking a client to leave twice is harmless, so a job whose process died is
 * resumed by asking every enrollment still `active` again (under an exclusive lease, one runner at a time).
 */
export const exitJobs = pgTable(
  'exit_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    reason: text('reason').$type<ExitJobReason>().notNull(),
    status: text('status').$type<ExitJobStatus>().notNull().default('running'),
    total: integer('total').notNull(),
    signalled: integer('signalled').notNull().default(0),
    /** Why the job stopped (status `failed`), e.g. Temporal unreachable. */
    error: text('error'),
    finishedAt: moment('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('exit_jobs_journey_idx').on(t.journeyId, t.createdAt),
    index('exit_jobs_running_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'running'`),
  ],
);

export type ExitJobRow = typeof exitJobs.$inferSelect;
