import { loadFunnelTaxonomy, saveFunnelTaxonomy } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FunnelTaxonomyResponse, PutFunnelTaxonomyBody } from '@touchpoint/language/api-contract';

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
