import type { Database } from '@touchpoint/db';
import type { ChannelKind } from '@touchpoint/language';
import { TestPathRequest, TestPathResult } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SimulationInputError } from '../../../simulation/simulation-input-error';
import { SimulatorBusyError, type Simulator } from '../../../simulation/simulator';
import { SimulationUnavailableError } from '../../../simulation/time-skipping-server';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { definitionToRun } from './definition-to-run';

export interface TestPathRouteOptions {
  db: Database;
  /** Null in a process that runs no simulations: the route answers 503. */
  simulator: Simulator | null;
  channels?: readonly ChannelKind[] | undefined;
}

const Params = z.object({ id: z.uuid().describe("the journey's id") });

/** A simulation's failure as the API answers it: a 4xx naming the field, a 429, or a 503. */
export function simulationApiError(error: unknown): unknown {
  if (error instanceof SimulationInputError) return new ApiError(error.code, error.message);
  if (error instanceof SimulatorBusyError) return new ApiError('rate_limited', error.message);
  if (error instanceof SimulationUnavailableError) return new ApiError('unavailable', error.message);
  return error;
}

/** `POST /v1/journeys/:id/test-path`: one client's run on a simulated clock, channels captured. */
export const journeyTestPathRoutes: FastifyPluginAsyncZod<TestPathRouteOptions> = async (app, options) => {
  app.post(
    '/v1/journeys/:id/test-path',
    {
      // The answer shows messages rendered with the client's data.
      config: { scope: 'clients:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Test a path',
        description:
          'Runs the draft or a version for one client (a real one by external id, or a made-up one) on ' +
          "Temporal's time-skipping server, with the real workflow, policy and templates, and channels " +
          'that capture instead of delivering; the scripted events reach the run at their simulated ' +
          'moments. Answers the path: each step with its simulated time, each message as rendered, each ' +
          'skip or deferral with its reason, and how the run ended; a run that fails ends `failed` with ' +
          'its reason. A draft or version that would not publish is refused as publish refuses it: 422 ' +
          '`invalid_journey` with its problems, per node. Nothing is stored in this database.',
        params: Params,
        body: TestPathRequest,
        response: { 200: TestPathResult, ...routeErrors(409, 422, 429) },
      },
    },
    async (request) => {
      if (!options.simulator) throw new ApiError('unavailable', 'this API process runs no simulations');
      const { journey, version } = await definitionToRun(
        options,
        request.params.id,
        request.body.version,
        'body.version',
      );
      try {
        return await options.simulator.testPath({ journey, version, request: request.body });
      } catch (error) {
        throw simulationApiError(error);
      }
    },
  );
};
