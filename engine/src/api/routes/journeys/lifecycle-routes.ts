import { EXIT_JOB_STATUSES } from '@touchpoint/db';
import { loadLatestExitJob } from '@touchpoint/domain';
import {
  changeJourneyStatus,
  JOURNEY_LIFECYCLE,
  JourneyLifecycleError,
  type JourneyLifecycleAction,
} from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IN_FLIGHT_CHOICES } from '@touchpoint/language/api-contract';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { createExitJobRunner } from '../../jobs/exit-job';
import { JourneyParams, JourneyResponse } from './index';
import { loadJourney } from './load-journey';
import { syncScheduleOf, type ScheduleDeps } from './sync-schedule';

/** `POST /v1/journeys/:id/pause` may say whether clients in flight continue (default) or leave now. */
export const PauseBody = z
  .strictObject({
    inFlight: z
      .enum(IN_FLIGHT_CHOICES)
      .default('continue')
      .describe('`continue`: clients inside go on, only new entries stop; `leave`: they leave now'),
  })
  // Fastify hands a request without a body to the schema as null.
  .nullish()
  .describe('optional: what happens to clients already inside');

/** The job that makes clients in flight leave: `left` of `total` have left so far. */
export const ExitJobResponse = z
  .object({
    id: z.string().describe("the job's id"),
    journeyId: z.string().describe("the journey's id"),
    reason: z
      .string()
      .describe('the exit reason the clients leave with (`journeyPaused`, `journeyArchived`)'),
    status: z.enum(EXIT_JOB_STATUSES).describe('where the job is'),
    total: z.number().int().describe('clients inside when the job started'),
    signalled: z.number().int().describe('clients asked to leave so far'),
    left: z.number().int().describe('clients who have left so far'),
    error: z.string().nullable().describe('why the job failed; null unless it did'),
    createdAt: z.date().describe('when the job started'),
    finishedAt: z.date().nullable().describe('when it finished; null while running'),
  })
  .describe('the job that makes the clients inside leave');

const LifecycleResponse = JourneyResponse.extend({
  exitJob: ExitJobResponse.nullable().describe('the exit job this started; null when clients stay inside'),
}).describe('the journey in its new state, with the exit job it started');

const LIFECYCLE_DOCS: Record<JourneyLifecycleAction, { summary: string; description: string }> = {
  pause: {
    summary: 'Pause a journey',
    description:
      'Stops new entries (and the schedule). Clients inside continue, or leave now with `inFlight: leave`. ' +
      'Only an active journey can be paused (409).',
  },
  resume: {
    summary: 'Resume a journey',
    description:
      'Lets new clients enter again and cancels an exit job still running. Only a paused journey (409).',
  },
  archive: {
    summary: 'Archive a journey',
    description: 'Ends the journey for good: no new entries, and every client inside leaves (an exit job).',
  },
};

/** The status each refusal of the domain's `changeJourneyStatus` answers with. */
const LIFECYCLE_REFUSALS = {
  journey_not_found: 'not_found',
  journey_wrong_status: 'conflict',
  exit_unavailable: 'unavailable',
} as const satisfies Record<JourneyLifecycleError['code'], ApiError['code']>;

/**
 * Pause / resume / archive. Pausing stops new entries and asks what happens to clients in flight:
 * they continue (default), or leave now; archiving always makes them leave. Leaving is an exit job
 * (see `continueExitJob`) whose progress the answer and `GET /v1/journeys/:id/exit-job` show;
 * resuming cancels a job still running, so clients not yet asked stay inside.
 */
export const journeyLifecycleRoutes: FastifyPluginAsyncZod<ScheduleDeps> = async (app, options) => {
  const { db, temporal } = options;
  const runner = temporal ? createExitJobRunner({ db, temporal, log: app.log }) : null;
  app.addHook('onReady', async () => runner?.start());
  app.addHook('onClose', async () => runner?.stop());

  for (const action of Object.keys(JOURNEY_LIFECYCLE) as JourneyLifecycleAction[]) {
    app.post(
      `/v1/journeys/:id/${action}`,
      {
        config: { scope: 'journeys:write' },
        schema: {
          tags: ['journeys'],
          ...LIFECYCLE_DOCS[action],
          params: JourneyParams,
          ...(action === 'pause' ? { body: PauseBody } : {}),
          response: { 200: LifecycleResponse, ...routeErrors(409) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const body = request.body as z.infer<typeof PauseBody>;
        const { journey, exitJob } = await changeJourneyStatus(db, id, action, {
          inFlight: body?.inFlight ?? 'continue',
          canAskToLeave: runner !== null,
          syncSchedule: () => syncScheduleOf(options, id),
        }).catch((error: unknown) => {
          if (!(error instanceof JourneyLifecycleError)) throw error;
          const message = error.code === 'journey_not_found' ? `params.id: ${error.message}` : error.message;
          throw new ApiError(LIFECYCLE_REFUSALS[error.code], message);
        });
        if (exitJob !== null) runner?.runNewJob(exitJob.id);
        return { ...journey, exitJob: exitJob === null ? null : { ...exitJob, left: 0 } };
      },
    );
  }

  app.get(
    '/v1/journeys/:id/exit-job',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['journeys'],
        summary: "Read the journey's exit job",
        description: 'The latest job that made clients leave the journey (a pause with `leave`, an archive).',
        params: JourneyParams,
        response: { 200: ExitJobResponse },
      },
    },
    async (request) => {
      await loadJourney(db, request.params.id);
      const job = await loadLatestExitJob(db, request.params.id);
      if (job === null)
        throw new ApiError('not_found', `params.id: journey "${request.params.id}" has no exit job`);
      return job;
    },
  );
};
