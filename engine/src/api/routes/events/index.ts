import { INTERNAL_EVENT_KEY_PREFIXES, isInternalEventKey, storeEvents } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { ClientExternalId, Instant, MAX_BATCH_SIZE } from '../../input-bounds';
import { assertBatchSize } from '../batch-size';
import { routeInBackground } from '../route-deps';
import type { IngestRouteOptions } from '../route-deps';

/** One event as sent by an integration. `clientId` is the client's external (CRM) id. */
export const IngestEvent = z.strictObject({
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .refine((key) => !isInternalEventKey(key), {
      message: `keys starting with ${Object.values(INTERNAL_EVENT_KEY_PREFIXES).join(' or ')} are reserved for Touchpoint's own events`,
    })
    .describe('your unique id of the event; a repeat is a duplicate'),
  clientId: ClientExternalId,
  type: z.string().min(1).max(100).describe('the event type journeys enter, wait or exit on'),
  occurredAt: Instant.describe('when the event happened (ISO 8601 with offset, years 1900–2199)'),
  properties: z.record(z.string(), z.unknown()).default({}),
  source: z.string().min(1).max(100).optional(),
  messageId: z.uuid().optional(),
  nodeId: z.string().min(1).optional(),
});
export type IngestEvent = z.infer<typeof IngestEvent>;

/** A single event or `{ events: [...] }`. */
export const IngestEventsBody = z.union([
  z.strictObject({ events: z.array(IngestEvent).min(1).max(MAX_BATCH_SIZE) }),
  IngestEvent,
]);

/** Per-event outcome, in request order; `isNew: false` marks an event stored by an earlier request. */
export const IngestEventsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  events: z.array(z.object({ idempotencyKey: z.string(), eventId: z.number().int(), isNew: z.boolean() })),
});

/**
 * `POST /v1/events`: stores the events in one transaction (committed before the 202, so an ack means
 * durable), then routes them in the background.
 */
export const eventRoutes: FastifyPluginAsyncZod<IngestRouteOptions> = async (app, options) => {
  app.post(
    '/v1/events',
    {
      config: { scope: 'events:write' },
      schema: {
        tags: ['ingestion'],
        body: IngestEventsBody,
        response: { 202: IngestEventsResponse, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const batch = 'events' in request.body ? request.body.events : [request.body];
      assertBatchSize('body.events', batch.length, options.maxBatchSize);
      const outcomes = await options.db.transaction((tx) =>
        storeEvents(
          tx,
          batch.map((event) => ({
            ...event,
            clientExternalId: event.clientId,
            occurredAt: new Date(event.occurredAt),
          })),
        ),
      );
      const fresh = outcomes.filter((o) => o.isNew);
      routeInBackground(
        options.router,
        fresh.map((o) => o.eventId),
        request.log,
      );
      return reply
        .code(202)
        .send({ accepted: fresh.length, duplicates: outcomes.length - fresh.length, events: outcomes });
    },
  );
};
