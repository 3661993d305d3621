import type { Database } from '@touchpoint/db';
import { listEventTypes } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** One event type seen in ingestion, for the builder's entry / wait-for-event / goal pickers. */
export const EventTypeSummary = z
  .object({
    type: z.string().describe('the event type'),
    count: z.number().int().describe('events of it stored'),
    lastOccurredAt: z.date().describe('when the latest of them happened'),
  })
  .describe('one event type seen so far');

/**
 * `GET /v1/event-types`: the event types stored so far with how often and when last seen (the
 * domain's `listEventTypes`, read from the `event_types` rollup).
 */
export const eventTypeRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/event-types',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'List event types',
        description:
          "The event types stored so far, with how often and when last seen, for the builder's pickers.",
        response: {
          200: z
            .object({ items: z.array(EventTypeSummary).describe('the types, by name') })
            .describe('every event type seen'),
        },
      },
    },
    async () => ({ items: await listEventTypes(db) }),
  );
};
