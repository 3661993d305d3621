import type { Database } from '@touchpoint/db';
import { parseDefinition, type ChannelKind, type JourneyDefinition } from '@touchpoint/language';
import { TestPathRequest, TestPathResult } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkJourney } from '@touchpoint/domain';
import { SimulationInputError } from '../../../simulation/simulation-input-error';
import { SimulatorBusyError, type Simulator } from '../../../simulation/simulator';
import { SimulationUnavailableError } from '../../../simulation/time-skipping-server';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';

export interface TestPathRouteOptions {
  db: Database;
  /** Null in a process that runs no simulations: the route answers 503. */
  simulator: Simulator | null;
  channels?: readonly ChannelKind[] | undefined;
}

const Params = z.object({ id: z.uuid().describe("the journey's id") });

/** The definition to run: the draft (checked as publish would) or a stored version. */
async function definitionToRun(
  options: TestPathRouteOptions,
  journeyId: string,
  version: TestPathRequest['version'],
) {
  const journey = await loadJourney(options.db, journeyId);
  if (version === 'draft') {
    const problems = await checkJourney(options.db, journey.draft, options.channels);
    if (problems.length > 0)
      throw new ApiError('invalid_journey', `the draft has ${problems.length} problem(s)`, { problems });
    const definition = parseDefinition(journey.draft).definition as JourneyDefinition;
    // A draft runs as the version it would become when published.
    return { journey, version: { label: version, number: (journey.currentVersion ?? 0) + 1, definition } };
  }
  const row = await loadVersion(options.db, journeyId, version, 'body.version');
  const { definition } = parseDefinition(row.definition);
  if (!definition) throw new ApiError('conflict', `body.version: version ${version} no longer parses`);
  return { journey, version: { label: version, number: version, definition } };
}

function asApiError(error: unknown): unknown {
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
          'skip or deferral with its reason, and how the run ended. Nothing is stored in this database.',
        params: Params,
        body: TestPathRequest,
        response: { 200: TestPathResult, ...routeErrors(409, 422, 429) },
      },
    },
    async (request) => {
      if (!options.simulator) throw new ApiError('unavailable', 'this API process runs no simulations');
      const { journey, version } = await definitionToRun(options, request.params.id, request.body.version);
      try {
        return await options.simulator.testPath({ journey, version, request: request.body });
      } catch (error) {
        throw asApiError(error);
      }
    },
  );
};
