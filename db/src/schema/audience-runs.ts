import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { journeys } from './journeys';

/** States of one run of a journey's schedule entry. */
export const AUDIENCE_RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export const AudienceRunStatus = z.enum(AUDIENCE_RUN_STATUSES);
export type AudienceRunStatus = z.infer<typeof AudienceRunStatus>;

/**
 * Progress of one schedule-entry run (`audienceEntryWorkflow`), written after every page it enrolls so
 * the API and the builder can show it. The counts are the activity's own totals, set (not added) per
 * page: a retried attempt resumes from its heartbeat with the totals of its last page, so they stay
 * exact. `lastClientId` is the page cursor (member ids in ascending order); the heartbeat is what the
 * run resumes from, this row only reports it.
 */
export const audienceRuns = pgTable(
  'audience_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    /** The run's workflow id (schedule id + scheduled time): one row per run, retries included. */
    runKey: text('run_key').notNull(),
    segment: text('segment').notNull(),
    status: text('status').$type<AudienceRunStatus>().notNull().default('running'),
    members: integer('members').notNull().default(0),
    started: integer('started').notNull().default(0),
    alreadyRunning: integer('already_running').notNull().default(0),
    notStarted: integer('not_started').notNull().default(0),
    lastClientId: uuid('last_client_id'),
    /** Activity attempts so far: above 1, the run was resumed after a worker died or a fault. */
    attempts: integer('attempts').notNull().default(1),
    finishedAt: moment('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('audience_runs_run_key_key').on(t.runKey),
    index('audience_runs_journey_idx').on(t.journeyId, t.createdAt),
  ],
);

export type AudienceRunRow = typeof audienceRuns.$inferSelect;
