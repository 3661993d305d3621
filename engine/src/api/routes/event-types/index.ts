import type { Database } from '@touchpoint/db';
import { asc, eventTypes } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** One event type seen in ingestion, for the builder's entry / wait-for-event / goal pickers. */
export const EventTypeSummary = z.object({
  type: z.string(),
  count: z.number().int(),
  lastOccurredAt: z.date(),
});

/**
 * `GET /v1/event-types`: the event types stored so far with how often and when last seen, read from
 * the `event_types` rollup that storing events keeps current (never a GROUP BY over all events).
 */
export const eventTypeRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/event-types',
    {
      config: { scope: 'catalog:read' },
      schema: { tags: ['catalog'], response: { 200: z.object({ items: z.array(EventTypeSummary) }) } },
    },
    async () => {
      const rows = await db
        .select({ type: eventTypes.type, count: eventTypes.count, lastOccurredAt: eventTypes.lastOccurredAt })
        .from(eventTypes)
        .orderBy(asc(eventTypes.type));
      return { items: rows };
    },
  );
};
