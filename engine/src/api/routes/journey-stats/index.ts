import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { countJourneyStats, JourneyStats } from './count-journey-stats';
import { Instant, PositiveInt4Text } from '../../input-bounds';

export const JourneyStatsQuery = z
  .strictObject({
    version: PositiveInt4Text.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });

export const JourneyStatsResponse = JourneyStats.extend({
  journeyId: z.string(),
  version: z.number().int().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/**
 * `GET /v1/journeys/:id/stats?version=&from=&to=`: raw counts per node and edge (the builder's canvas
 * overlay). Without `version`, all versions are summed by node and edge id.
 */
export const journeyStatsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/stats',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags: ['journeys'],
        params: z.object({ id: z.uuid() }),
        querystring: JourneyStatsQuery,
        response: { 200: JourneyStatsResponse, '4xx': ApiErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version, from, to } = request.query;
      await loadJourney(db, id);
      if (version !== undefined) await loadVersion(db, id, version, 'querystring.version');
      const stats = await countJourneyStats(db, {
        journeyId: id,
        version,
        from: from === undefined ? undefined : new Date(from),
        to: to === undefined ? undefined : new Date(to),
      });
      return { journeyId: id, version: version ?? null, from: from ?? null, to: to ?? null, ...stats };
    },
  );
};
