import { catchUpReportRollups, rawReasonOf } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { countJourneyStats, JourneyStats } from './count-journey-stats';
import { countJourneyStatsFromRollups } from './count-journey-stats-from-rollups';
import { ReportSource } from '@touchpoint/language/api-contract';
import { Instant, PositiveInt4Text, requireOrderedPeriod } from '../../input-bounds';

export const JourneyStatsQuery = requireOrderedPeriod(
  z.strictObject({
    version: PositiveInt4Text.optional().describe('only this version; all versions summed when left out'),
    from: Instant.optional().describe('start of the window (ISO 8601 with offset)'),
    to: Instant.optional().describe('end of the window, after from (ISO 8601 with offset)'),
  }),
);

export const JourneyStatsResponse = JourneyStats.extend({
  journeyId: z.string().describe("the journey's id"),
  version: z.number().int().nullable().describe('the version counted; null: all of them'),
  from: z.string().nullable().describe('start of the window; null: from the first enrollment'),
  to: z.string().nullable().describe('end of the window; null: until now'),
  source: ReportSource,
}).describe('raw counts per node and edge, for the canvas overlay');

/**
 * `GET /v1/journeys/:id/stats?version=&from=&to=`: counts per node and edge (the builder's canvas
 * overlay), from the rollups unless a period of part days asks for raw rows. Without `version`, all versions are
 * summed by node and edge id.
 */
export const journeyStatsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/stats',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Count what happened in a journey',
        description:
          'Raw counts per node, edge and compiled step, plus totals, for one version or all of them, ' +
          'in an optional time window.',
        params: z.object({ id: z.uuid().describe("the journey's id") }),
        querystring: JourneyStatsQuery,
        response: { 200: JourneyStatsResponse },
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
      // No taxonomy decides these counts: only a period of part days (or rollups never built) needs raw rows.
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
