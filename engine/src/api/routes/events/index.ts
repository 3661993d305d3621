import { INTERNAL_EVENT_KEY_PREFIXES, isInternalEventKey, storeEvents } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClientExternalId, Instant, MAX_BATCH_SIZE } from '../../input-bounds';
import { assertBatchSize } from '../batch-size';
import { routeInBackground } from '../route-deps';
import type { IngestRouteOptions } from '../route-deps';

/** One event as sent by an integration. `clientId` is the client's external (CRM) id. */
export const IngestEvent = z
  .strictObject({
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
    properties: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('free-form details journeys filter on (`total`, `sku`…); dots reach into objects'),
    source: z.string().min(1).max(100).optional().describe('who sent it (`crm`, `site`…), for the timeline'),
    messageId: z
      .uuid()
      .optional()
      .describe('the Touchpoint message this event answers (a reply, a booking), so the funnel credits it'),
    nodeId: z.string().min(1).optional().describe('the journey node that message came from, when known'),
  })
  .describe('one event about one client');
export type IngestEvent = z.infer<typeof IngestEvent>;

/** A single event or `{ events: [...] }`. */
export const IngestEventsBody = z.union([
  z
    .strictObject({
      events: z
        .array(IngestEvent)
        .min(1)
        .max(MAX_BATCH_SIZE)
        .describe(`1–${MAX_BATCH_SIZE} events, stored in one transaction`),
    })
    .describe('a batch of events'),
  IngestEvent,
]);

/** Per-event outcome, in request order; `isNew: false` marks an event stored by an earlier request. */
export const IngestEventsResponse = z
  .object({
    accepted: z.number().int().describe('events stored by this request'),
    duplicates: z.number().int().describe('events an earlier request had stored already (same key)'),
    events: z
      .array(
        z
          .object({
            idempotencyKey: z.string().describe('the key the event was sent with'),
            eventId: z.number().int().describe("Touchpoint's id of the stored event"),
            isNew: z.boolean().describe('false when an earlier request stored it'),
          })
          .describe('the outcome for one event'),
      )
      .describe('one outcome per event, in request order'),
  })
  .describe('stored (durably) and queued for routing');

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
        summary: 'Send client events',
        description:
          'Stores one event or a batch in one transaction, then routes them to the journeys that enter, ' +
          'wait or exit on them. The 202 means stored: a repeated `idempotencyKey` is counted as a duplicate.',
        body: IngestEventsBody,
        response: { 202: IngestEventsResponse },
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
