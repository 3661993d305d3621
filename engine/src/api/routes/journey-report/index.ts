import { AttributionMode } from '@touchpoint/language';
import { answerJourneyReport, loadFunnelTaxonomy } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, invalidFieldError } from '../../api-error';
import { Instant, PositiveInt4Text, requireOrderedPeriod } from '../../input-bounds';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { JourneyReport } from '@touchpoint/language/api-contract';

export const JourneyReportQuery = requireOrderedPeriod(
  z.strictObject({
    version: PositiveInt4Text.optional().describe('one published version (default: all)'),
    from: Instant.optional().describe(
      'period start, inclusive (whole UTC days answer from rollups; docs/metrics.md, Periods)',
    ),
    to: Instant.optional().describe('period end, exclusive'),
    attribution: AttributionMode.default('last').describe(
      'last (default), first or every qualifying message',
    ),
    target: z.string().min(1).max(40).optional().describe('the curve’s action (default: the deepest)'),
    node: z.string().min(1).max(200).optional().describe('only this drawn node’s messages for engagement'),
    taxonomyVersion: PositiveInt4Text.optional().describe('a saved taxonomy version (default: current)'),
  }),
);

/**
 * `GET /v1/journeys/:id/report`: every figure of the analyst's report (docs/metrics.md), read from
 * the rollups when they cover the scope, else computed from stored rows; `source` says which.
 */
export const journeyReportRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/report',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags: ['measurement'],
        summary: 'A journey’s measurement report',
        description:
          'Every figure of the analyst’s report (docs/metrics.md: attribution, engagement, weekly ER, the ' +
          'target curve, the per-node funnel, time to convert, products), computed at read time from ' +
          'stored rows with the taxonomy asked for.',
        params: z.object({ id: z.uuid().describe('the journey’s id') }),
        querystring: JourneyReportQuery,
        response: { 200: JourneyReport },
      },
    },
    async (request) => {
      const { id } = request.params;
      const q = request.query;
      await loadJourney(db, id);
      if (q.version !== undefined) await loadVersion(db, id, q.version, 'querystring.version');
      const taxonomy = await loadFunnelTaxonomy(db, q.taxonomyVersion);
      if (!taxonomy)
        throw new ApiError('not_found', `querystring.taxonomyVersion: no taxonomy ${q.taxonomyVersion}`);
      const target = q.target ?? taxonomy.actions.at(-1)!.action;
      if (!taxonomy.actions.some((rule) => rule.action === target)) {
        throw invalidFieldError(
          'querystring.target',
          `"${target}" is no action of taxonomy ${taxonomy.version}`,
        );
      }
      const scope = {
        journeyId: id,
        version: q.version,
        nodeId: q.node,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
        attribution: q.attribution,
      };
      const report = await answerJourneyReport(db, scope, taxonomy, target, (error) =>
        request.log.error({ err: error }, 'rollup catch-up failed; answering from raw rows'),
      );
      return {
        journeyId: id,
        version: q.version ?? null,
        node: q.node ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        attribution: q.attribution,
        taxonomyVersion: taxonomy.version,
        ...report,
      };
    },
  );
};
