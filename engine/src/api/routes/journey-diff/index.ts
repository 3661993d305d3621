import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { loadJourney } from '../journeys/load-journey';
import { DiffableDefinition, diffDefinitions, JourneyDiff } from './diff-definitions';
import { loadVersion } from './load-version';
import { PositiveInt4Text } from '../../input-bounds';

const DiffParams = z.object({
  id: z.uuid().describe("the journey's id"),
  a: PositiveInt4Text.describe('the version to compare from'),
  b: PositiveInt4Text.describe('the version to compare to'),
});

export const JourneyDiffResponse = JourneyDiff.extend({
  journeyId: z.string().describe("the journey's id"),
  from: z.number().int().describe('version a'),
  to: z.number().int().describe('version b'),
}).describe('what changed from version a to version b (positions on the canvas never count)');

function parseStored(definition: unknown, param: string): DiffableDefinition {
  const parsed = DiffableDefinition.safeParse(definition);
  if (!parsed.success) {
    throw new ApiError('conflict', `${param}: the stored definition has no diffable nodes/edges`);
  }
  return parsed.data;
}

/** `GET /v1/journeys/:id/versions/:a/diff/:b`: what changed from version a to version b. */
export const journeyDiffRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/versions/:a/diff/:b',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Compare two versions',
        description:
          'Nodes and edges added, removed or changed, and whether the goal or settings changed, from ' +
          'version a to version b of the journey.',
        params: DiffParams,
        response: { 200: JourneyDiffResponse, ...routeErrors(409) },
      },
    },
    async (request) => {
      const { id, a, b } = request.params;
      await loadJourney(db, id);
      const [from, to] = await Promise.all([
        loadVersion(db, id, a, 'params.a'),
        loadVersion(db, id, b, 'params.b'),
      ]);
      const diff = diffDefinitions(
        parseStored(from.definition, 'params.a'),
        parseStored(to.definition, 'params.b'),
      );
      return { journeyId: id, from: a, to: b, ...diff };
    },
  );
};
