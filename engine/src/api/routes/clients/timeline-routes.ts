import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClientTimeline, loadClientTimeline } from './client-timeline';
import type { TemporalUiLink } from './client-timeline';
import { ClientExternalId } from '../../input-bounds';

/** Options of {@link clientTimelineRoutes}: the Temporal UI the timeline links enrollments to. */
export interface ClientTimelineRouteOptions {
  db: Database;
  temporalUi: TemporalUiLink;
}

/** `GET /v1/clients/:id/timeline` (`:id` is the external id, as in the other client routes). */
export const clientTimelineRoutes: FastifyPluginAsyncZod<ClientTimelineRouteOptions> = async (
  app,
  { db, temporalUi },
) => {
  app.get(
    '/v1/clients/:id/timeline',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['clients'],
        summary: "Read a client's timeline",
        description:
          'Everything that happened to the client, oldest first: purchases, enrollments, node visits, ' +
          'messages with their delivery statuses, call tasks, funnel actions and exits.',
        params: z.object({ id: ClientExternalId.describe("the client's id in your CRM") }),
        response: { 200: ClientTimeline },
      },
    },
    async (request) => loadClientTimeline(db, request.params.id, temporalUi),
  );
};
