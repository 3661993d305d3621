import type { Database } from '@touchpoint/db';
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
 */
export const journeyForecastRoutes: FastifyPluginAsyncZod<ForecastRouteOptions> = async (app, options) => {
  const jobs = createForecastJobs();
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
          'its problems, per node. Nothing is stored in this database and nothing is delivered.',
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
      const job = jobs.start(
        {
          journeyId: first.journey.id,
          total: audience.length * body.horizonDays * versions.length,
          callCapacityPerDay: body.callCapacityPerDay ?? null,
        },
        (onProgress) =>
          simulator.forecast({
            journey: first.journey,
            versions,
            audience,
            request: body,
            realStartMs,
            onProgress,
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
          'Forecasts live in the API process that ran them, the latest 50 of it.',
        params: z.object({ id: z.uuid().describe("the forecast's id") }),
        response: { 200: ForecastJob },
      },
    },
    async (request) => {
      const job = jobs.find(request.params.id);
      if (!job) throw new ApiError('not_found', `params.id: no forecast "${request.params.id}"`);
      return job;
    },
  );
};
