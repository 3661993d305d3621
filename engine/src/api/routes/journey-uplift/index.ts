import {
  buildUpliftAnswer,
  countUpliftArms,
  loadExperimentSettings,
  loadFunnelTaxonomy,
} from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { PositiveInt4Text } from '../../input-bounds';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { JourneyUplift } from './uplift-schema';

export const JourneyUpliftQuery = z.strictObject({
  version: PositiveInt4Text.optional().describe('one published version (default: all)'),
  node: z.string().min(1).max(200).optional().describe('only enrollments that reached this drawn node'),
  action: z.string().min(1).max(40).optional().describe('a funnel action of the current taxonomy'),
  revenueDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('days after entry whose purchases count as revenue (1–365, default 30)'),
});

const invalid = (path: string, message: string) =>
  new ApiError('validation_failed', `${path}: ${message}`, { issues: [{ path, message, code: 'custom' }] });

/** Infinity is no JSON number: an unbounded Welch df is sent as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * `GET /v1/journeys/:id/uplift`: the journey's effect against its own holdout, per version, node and
 * stratum, computed from stored rows (docs/metrics.md, "Uplift").
 */
export const journeyUpliftRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/uplift',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags: ['measurement'],
        summary: 'A journey’s uplift against its holdout',
        description:
          'Treated vs held-out clients for the goal, a funnel action and revenue per client: absolute and ' +
          'relative uplift, a 95 % interval from a stratified estimator, a p-value, per stratum too, and ' +
          'whether the planner’s audience has entered yet.',
        params: z.object({ id: z.uuid().describe('the journey’s id') }),
        querystring: JourneyUpliftQuery,
        response: { 200: JourneyUplift },
      },
    },
    async (request) => {
      const { id } = request.params;
      const q = request.query;
      const journey = await loadJourney(db, id);
      if (q.version !== undefined) await loadVersion(db, id, q.version, 'querystring.version');
      let action: { eventTypes: string[]; windowDays: number } | undefined;
      if (q.action !== undefined) {
        const taxonomy = await loadFunnelTaxonomy(db);
        const rule = taxonomy?.actions.find((a) => a.action === q.action);
        if (!rule) throw invalid('querystring.action', `"${q.action}" is no action of the current taxonomy`);
        action = { eventTypes: rule.eventTypes, windowDays: rule.windowDays };
      }
      const versionRead = q.version ?? journey.currentVersion;
      const settings = versionRead ? await loadExperimentSettings(db, id, versionRead) : null;
      const holdout = settings?.holdout ?? null;
      const cells = await countUpliftArms(db, {
        journeyId: id,
        version: q.version,
        nodeId: q.node,
        action,
        revenueDays: q.revenueDays,
      });
      const answer = buildUpliftAnswer(
        cells,
        { share: holdout?.share ?? 0, minimumDetectableEffect: holdout?.minimumDetectableEffect ?? 0.1 },
        action !== undefined,
      );
      return {
        journeyId: id,
        version: q.version ?? null,
        node: q.node ?? null,
        actionName: q.action ?? null,
        revenueDays: q.revenueDays,
        holdout: holdout
          ? { share: holdout.share, minimumDetectableEffect: holdout.minimumDetectableEffect }
          : null,
        ...answer,
        requiredClients: answer.requiredClients === null ? null : finiteOrNull(answer.requiredClients),
        revenuePerClient: {
          ...answer.revenuePerClient,
          degreesOfFreedom: finiteOrNull(answer.revenuePerClient.degreesOfFreedom),
        },
        strata: answer.strata.map((s) => ({
          ...s,
          revenuePerClient: {
            ...s.revenuePerClient,
            degreesOfFreedom: finiteOrNull(s.revenuePerClient.degreesOfFreedom),
          },
        })),
      };
    },
  );
};
