import type { FORECAST_JOB_STATUSES, ForecastResult } from '@touchpoint/language/api-contract';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, moment, updatedAt } from './columns';
import { journeys } from './journeys';

/** States of a forecast: a set the builder reads too, so its home is the API contract. */
export { FORECAST_JOB_STATUSES } from '@touchpoint/language/api-contract';
export type ForecastJobStatus = (typeof FORECAST_JOB_STATUSES)[number];

/**
 * A forecast (`POST /v1/journeys/:id/forecast`) and its progress, so any API process answers
 * `GET /v1/forecasts/:id` and a finished one outlives the process that ran it. The simulated world
 * the forecast runs in is not: it lives in its process's time-skipping server, so a job whose
 * process died cannot be resumed, only ended `failed`. Which process runs a job is its exclusive
 * lease (`forecastJobLeaseKey`), not a column: see `findForecastJob`.
 */
export const forecastJobs = pgTable(
  'forecast_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    status: text('status').$type<ForecastJobStatus>().notNull().default('running'),
    /** Client-days simulated so far, written at most every few hundred ms while it runs. */
    done: integer('done').notNull().default(0),
    /** Client-days to simulate: clients × days × versions. */
    total: integer('total').notNull(),
    callCapacityPerDay: integer('call_capacity_per_day'),
    /** When completed: one result per version, in the request's order (tens of kB; parsed on read). */
    results: jsonb('results').$type<ForecastResult[]>().notNull().default([]),
    /** Why the job failed (status `failed`). */
    error: text('error'),
    finishedAt: moment('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('forecast_jobs_journey_idx').on(t.journeyId, t.createdAt)],
);

export type ForecastJobRow = typeof forecastJobs.$inferSelect;
