import { catchUpReportRollups, rawReasonOf, type Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { countJourneyStats, JourneyStats } from './count-journey-stats';
import { countJourneyStatsFromRollups } from './count-journey-stats-from-rollups';
import { ReportSource } from '../journey-report/report-schema';
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
  source: ReportSource,
});

/**
 * `GET /v1/journeys/:id/stats?version=&from=&to=`: counts per node and edge (the builder's canvas
 * overlay), from the rollups unless a period asks for raw rows. Without `version`, all versions are
 * summed by node and edge id.
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
      const scope = {
        journeyId: id,
        version,
        from: from === undefined ? undefined : new Date(from),
        to: to === undefined ? undefined : new Date(to),
      };
      const { catchUpError, ...freshness } = await catchUpReportRollups(db);
      if (catchUpError !== undefined)
        request.log.error({ err: catchUpError }, 'rollup catch-up failed; answering from raw rows');
      // No taxonomy decides these counts: only a period (or rollups never built) needs the raw rows.
      const rawReason = rawReasonOf(scope, { ...freshness, catchUpError }, null);
      const stats =
        rawReason === null
          ? await countJourneyStatsFromRollups(db, scope)
          : await countJourneyStats(db, scope);
      const source = {
        ...freshness,
        servedFrom: rawReason === null ? ('rollups' as const) : ('raw' as const),
        rawReason,
      };
      return {
        journeyId: id,
        version: version ?? null,
        from: from ?? null,
        to: to ?? null,
        ...stats,
        source,
      };
    },
  );
};
