import { findForecastJob, KEPT_FORECASTS_PER_JOURNEY } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { ChannelKind } from '@touchpoint/language';
import { ForecastJob, ForecastRequest } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createForecastJobs } from '../../../simulation/forecast/forecast-jobs';
import { resolveForecastAudience } from '../../../simulation/forecast/resolve-forecast-audience';
import type { Simulator } from '../../../simulation/simulator';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { definitionToRun } from '../journey-test-path/definition-to-run';
import { simulationApiError } from '../journey-test-path';

export interface ForecastRouteOptions {
  db: Database;
  /** Null in a process that runs no simulations: the routes answer 503. */
  simulator: Simulator | null;
  channels?: readonly ChannelKind[] | undefined;
}

/**
 * `POST /v1/journeys/:id/forecast` starts a forecast as a job (202, progress by `GET /v1/forecasts/:id`);
 * the input is checked before the answer, so a bad audience or version is a 4xx naming the field.
 * Jobs are rows, so any API process answers the GET; this one runs the jobs it started, and
 * closing it ends those still running as `failed`.
 */
export const journeyForecastRoutes: FastifyPluginAsyncZod<ForecastRouteOptions> = async (app, options) => {
  const jobs = createForecastJobs(options.db, app.log);
  app.addHook('onClose', async () => jobs.stop());
  const requireSimulator = () => {
    if (!options.simulator) throw new ApiError('unavailable', 'this API process runs no simulations');
    return options.simulator;
  };

  app.post(
    '/v1/journeys/:id/forecast',
    {
      // The audience's own histories drive the run.
      config: { scope: 'clients:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Forecast a journey',
        description:
          'Runs the draft or a version (and, with `compareWith`, a second one: a dry run of a change) over ' +
          "an audience on Temporal's time-skipping server, all clients in one simulated world, with the " +
          "real workflow, router, policy and templates and channels that capture. Each client's " +
          'behaviour is their real purchases after `startAt` or draws from the given rates. Answers a ' +
          'job at once (202); `GET /v1/forecasts/{id}` reports progress and, at the end, per-step ' +
          'volumes, sends per channel per day, call tasks per day and conversions. A version (or draft) ' +
          'that would not publish is refused at once as publish refuses it: 422 `invalid_journey` with ' +
          'its problems, per node. Nothing is delivered, and nothing is stored in this database but the ' +
          'job itself (its progress and figures).',
        params: z.object({ id: z.uuid().describe("the journey's id") }),
        body: ForecastRequest,
        response: { 202: ForecastJob, ...routeErrors(409, 422, 429) },
      },
    },
    async (request, reply) => {
      const simulator = requireSimulator();
      const body = request.body;
      const first = await definitionToRun(options, request.params.id, body.version, 'body.version');
      const second =
        body.compareWith === undefined
          ? null
          : await definitionToRun(options, request.params.id, body.compareWith, 'body.compareWith');
      const realStartMs = body.startAt ? Date.parse(body.startAt) : Date.now();
      let audience;
      try {
        audience = await resolveForecastAudience(options.db, body.audience);
      } catch (error) {
        throw simulationApiError(error);
      }
      if (!simulator.hasRoom())
        throw new ApiError('rate_limited', 'several simulations are already waiting; try again shortly');
      const versions = [first.version, ...(second ? [second.version] : [])];
      const job = await jobs.start(
        {
          journeyId: first.journey.id,
          total: audience.length * body.horizonDays * versions.length,
          callCapacityPerDay: body.callCapacityPerDay ?? null,
        },
        (onProgress, stop) =>
          simulator.forecast({
            journey: first.journey,
            versions,
            audience,
            request: body,
            realStartMs,
            onProgress,
            stop,
          }),
      );
      return reply.code(202).header('location', `/v1/forecasts/${job.id}`).send(job);
    },
  );

  app.get(
    '/v1/forecasts/:id',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Read a forecast',
        description:
          'How far the forecast got (client-days simulated of all) and, when completed, its figures. ' +
          `Any API process answers: forecasts are stored, the latest ${KEPT_FORECASTS_PER_JOURNEY} finished ` +
          'ones of each journey kept. ' +
          'A forecast runs in the simulated world of the process that started it, which no other process ' +
          'can take over: if that process stops first, the forecast reads `failed` ("the API process ' +
          'running it stopped; start it again") and is simply started again.',
        params: z.object({ id: z.uuid().describe("the forecast's id") }),
        response: { 200: ForecastJob },
      },
    },
    async (request) => {
      const job = await findForecastJob(options.db, request.params.id);
      if (!job) throw new ApiError('not_found', `params.id: no forecast "${request.params.id}"`);
      return job;
    },
  );
};
