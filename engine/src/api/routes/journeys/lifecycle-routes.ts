import {
  cancelExitJobs,
  countClientsInside,
  createExitJob,
  eq,
  EXIT_JOB_STATUSES,
  journeys,
  loadLatestExitJob,
} from '@touchpoint/db';
import type { ExitJobReason } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IN_FLIGHT_CHOICES } from '@touchpoint/language/api-contract';
import { z } from 'zod';
import { ApiError, ApiErrorBody } from '../../api-error';
import { createExitJobRunner } from '../../jobs/exit-job';
import { JourneyParams, JourneyResponse } from './index';
import { loadJourney } from './load-journey';
import { syncScheduleOf, type ScheduleDeps } from './sync-schedule';

/** `POST /v1/journeys/:id/pause` may say whether clients in flight continue (default) or leave now. */
export const PauseBody = z
  .strictObject({ inFlight: z.enum(IN_FLIGHT_CHOICES).default('continue') })
  // Fastify hands a request without a body to the schema as null.
  .nullish();

/** The job that makes clients in flight leave: `left` of `total` have left so far. */
export const ExitJobResponse = z.object({
  id: z.string(),
  journeyId: z.string(),
  reason: z.string(),
  status: z.enum(EXIT_JOB_STATUSES),
  total: z.number().int(),
  signalled: z.number().int(),
  left: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

const LifecycleResponse = JourneyResponse.extend({ exitJob: ExitJobResponse.nullable() });

const LIFECYCLE = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived' },
} as const;
type LifecycleAction = keyof typeof LIFECYCLE;

/** Which reason clients in flight leave with after `action`, or null when they stay. */
function exitReasonOf(action: LifecycleAction, inFlight: 'continue' | 'leave'): ExitJobReason | null {
  if (action === 'archive') return 'journeyArchived';
  if (action === 'pause' && inFlight === 'leave') return 'journeyPaused';
  return null;
}

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
  const errors = { '4xx': ApiErrorBody, '5xx': ApiErrorBody };

  for (const [action, rule] of Object.entries(LIFECYCLE) as [
    LifecycleAction,
    (typeof LIFECYCLE)[LifecycleAction],
  ][]) {
    app.post(
      `/v1/journeys/:id/${action}`,
      {
        config: { scope: 'journeys:write' },
        schema: {
          tags: ['journeys'],
          params: JourneyParams,
          ...(action === 'pause' ? { body: PauseBody } : {}),
          response: { 200: LifecycleResponse, ...errors },
        },
      },
      async (request) => {
        const journey = await loadJourney(db, request.params.id);
        if (!(rule.from as readonly string[]).includes(journey.status)) {
          throw new ApiError('conflict', `cannot ${action} a journey that is ${journey.status}`);
        }
        const body = request.body as z.infer<typeof PauseBody>;
        const reason = exitReasonOf(action, body?.inFlight ?? 'continue');
        // Without Temporal nobody can be asked to leave; a journey nobody is inside needs no one asked.
        if (reason !== null && runner === null && (await countClientsInside(db, journey.id)) > 0)
          throw new ApiError('unavailable', 'no Temporal connection: clients in flight cannot leave now');
        const [row] = await db
          .update(journeys)
          .set({ status: rule.to, updatedAt: new Date() })
          .where(eq(journeys.id, journey.id))
          .returning();
        if (action === 'resume') await cancelExitJobs(db, journey.id);
        await syncScheduleOf(options, journey.id);
        const job = reason === null ? null : await createExitJob(db, journey.id, reason);
        if (job !== null) runner?.runNewJob(job.id);
        return { ...row!, exitJob: job === null ? null : { ...job, left: 0 } };
      },
    );
  }

  app.get(
    '/v1/journeys/:id/exit-job',
    {
      config: { scope: 'journeys:read' },
      schema: { tags: ['journeys'], params: JourneyParams, response: { 200: ExitJobResponse, ...errors } },
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
