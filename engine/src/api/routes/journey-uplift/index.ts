import { answerJourneyUplift, loadExperimentSettings, loadFunnelTaxonomy } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidFieldError } from '../../api-error';
import { Instant, PositiveInt4Text, requireOrderedPeriod } from '../../input-bounds';
import { loadVersion } from '../journey-diff/load-version';
import { loadJourney } from '../journeys/load-journey';
import { JourneyUplift } from '@touchpoint/language/api-contract';

export const JourneyUpliftQuery = requireOrderedPeriod(
  z.strictObject({
    version: PositiveInt4Text.optional().describe('one published version (default: all)'),
    from: Instant.optional().describe('only enrollments entered from this moment, inclusive (raw rows)'),
    to: Instant.optional().describe('only enrollments entered before this moment, exclusive (raw rows)'),
    node: z.string().min(1).max(200).optional().describe('only enrollments that reached this drawn node'),
    action: z.string().min(1).max(40).optional().describe('a funnel action of the current taxonomy'),
    revenueDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(30)
      .describe('days after entry whose purchases count as revenue (1–365, default 30)'),
  }),
);

/** Infinity is no JSON number: an unbounded Welch df is sent as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * `GET /v1/journeys/:id/uplift`: the journey's effect against its own holdout, per version, node and
 * stratum, from the uplift rollups when they cover the scope, else from stored rows (docs/metrics.md,
 * "Uplift" and "Uplift rollups").
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
          'Treated vs held-out clients for the goal, every funnel action, ER and revenue per client: ' +
          'absolute and relative uplift, a 95 % interval from a stratified estimator, a p-value, per ' +
          'stratum too, and whether the planner’s audience has entered yet. Read from maintained ' +
          'counters (30-day revenue, no period), else counted from stored rows; `source` says which.',
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
      const taxonomy = await loadFunnelTaxonomy(db);
      if (!taxonomy) throw new Error('no funnel taxonomy: run the migrations');
      if (q.action !== undefined && !taxonomy.actions.some((a) => a.action === q.action))
        throw invalidFieldError('querystring.action', `"${q.action}" is no action of the current taxonomy`);
      const versionRead = q.version ?? journey.currentVersion;
      const settings = versionRead ? await loadExperimentSettings(db, id, versionRead) : null;
      const holdout = settings?.holdout ?? null;
      const scope = {
        journeyId: id,
        version: q.version,
        nodeId: q.node,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
        revenueDays: q.revenueDays,
      };
      const plan = {
        share: holdout?.share ?? 0,
        minimumDetectableEffect: holdout?.minimumDetectableEffect ?? 0.1,
        action: q.action ?? null,
      };
      const answer = await answerJourneyUplift(db, scope, taxonomy, plan, (error) =>
        request.log.error({ err: error }, 'rollup catch-up failed; answering from raw rows'),
      );
      const labels = new Map(taxonomy.actions.map((a) => [a.action, a.labels]));
      const withLabels = (actions: typeof answer.actions) =>
        actions.map((a) => ({ ...a, labels: labels.get(a.action)! }));
      return {
        journeyId: id,
        version: q.version ?? null,
        node: q.node ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        taxonomyVersion: taxonomy.version,
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
        actions: withLabels(answer.actions),
        strata: answer.strata.map((s) => ({
          ...s,
          actions: withLabels(s.actions),
          revenuePerClient: {
            ...s.revenuePerClient,
            degreesOfFreedom: finiteOrNull(s.revenuePerClient.degreesOfFreedom),
          },
        })),
      };
    },
  );
};
