import { FunnelTaxonomy, loadFunnelTaxonomy, saveFunnelTaxonomy, type Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const FunnelTaxonomyResponse = z
  .object({
    version: z.number().int().describe('the taxonomy’s number: 1 is seed 000’s defaults, each save adds one'),
    actions: FunnelTaxonomy.describe('the funnel’s actions, shallowest first (order is depth)'),
    savedAt: z.string().nullable().describe('when this version was saved (null: the built-in defaults)'),
  })
  .describe('one version of the funnel taxonomy');

export const PutFunnelTaxonomyBody = z.strictObject({
  actions: FunnelTaxonomy.describe('the new funnel, shallowest action first'),
});

const toResponse = (stored: Awaited<ReturnType<typeof saveFunnelTaxonomy>>) => ({
  version: stored.version,
  actions: stored.actions,
  savedAt: stored.createdAt?.toISOString() ?? null,
});

/**
 * The funnel taxonomy as configuration: `GET` the current one (any `stats:read` key), `PUT` a new
 * version (`admin`). Saving changes what reports compute from then on; no stored fact is rewritten.
 */
export const funnelTaxonomyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/funnel-taxonomy',
    {
      config: { scope: 'stats:read' },
      schema: {
        tags: ['measurement'],
        summary: 'The current funnel taxonomy',
        description:
          'The funnel’s actions (open < click < … < deal) with their labels, measurement windows and the ' +
          'event types that produce them, as reports compute them now.',
        response: { 200: FunnelTaxonomyResponse },
      },
    },
    async () => toResponse((await loadFunnelTaxonomy(db))!),
  );
  app.put(
    '/v1/funnel-taxonomy',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['measurement'],
        summary: 'Save a new funnel taxonomy version',
        description:
          'Stores the funnel as the next numbered version; reports compute with it from then on, and no ' +
          'stored fact is rewritten.',
        body: PutFunnelTaxonomyBody,
        response: { 200: FunnelTaxonomyResponse },
      },
    },
    async (request) => toResponse(await saveFunnelTaxonomy(db, request.body.actions)),
  );
};
