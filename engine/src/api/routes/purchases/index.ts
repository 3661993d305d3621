import { recordPurchases } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClientExternalId, Instant, MAX_BATCH_SIZE, Money, PositiveInt4 } from '../../input-bounds';
import { assertBatchSize } from '../batch-size';
import { routeInBackground } from '../route-deps';
import type { IngestRouteOptions } from '../route-deps';

/** Lines one order may carry: enough for any basket, small enough that a full batch stays bounded. */
const MAX_LINES_PER_PURCHASE = 1_000;

/** One order. `idempotencyKey` is the order id; `clientId` the client's external id. */
export const IngestPurchase = z
  .strictObject({
    idempotencyKey: z.string().min(1).max(200).describe('the order id; a repeat is a duplicate'),
    clientId: ClientExternalId,
    purchasedAt: Instant.describe('when the order was placed (ISO 8601 with offset, years 1900–2199)'),
    value: Money.describe('the order total'),
    currency: z.string().length(3).optional().describe('ISO 4217 code (default USD)'),
    itemCount: PositiveInt4.optional().describe("items in the order (default: the lines' quantities, or 1)"),
    lines: z
      .array(
        z
          .strictObject({
            sku: z.string().min(1).max(200).describe('the product the line is for'),
            name: z.string().max(500).optional().describe("the product's name as the shop showed it"),
            quantity: PositiveInt4.describe('how many of it'),
            unitPrice: Money.describe('the price of one, in the order currency'),
          })
          .describe('one product line'),
      )
      .max(MAX_LINES_PER_PURCHASE)
      .optional()
      .describe(`the order's product lines (at most ${MAX_LINES_PER_PURCHASE})`),
  })
  .describe('one order of one client');
export type IngestPurchase = z.infer<typeof IngestPurchase>;

export const IngestPurchasesBody = z.union([
  z
    .strictObject({
      purchases: z
        .array(IngestPurchase)
        .min(1)
        .max(MAX_BATCH_SIZE)
        .describe(`1–${MAX_BATCH_SIZE} orders, stored in one transaction`),
    })
    .describe('a batch of orders'),
  IngestPurchase,
]);

export const IngestPurchasesResponse = z
  .object({
    accepted: z.number().int().describe('orders stored by this request'),
    duplicates: z.number().int().describe('orders an earlier request had stored already (same order id)'),
  })
  .describe("stored, the clients' purchase facts refreshed, and their `purchase` events queued for routing");

/**
 * `POST /v1/purchases`: stores orders, refreshes the clients' facts (smart trigger), records a
 * `purchase` event per new order and the buyers' segment transitions in the same transaction, then
 * routes those events.
 */
export const purchaseRoutes: FastifyPluginAsyncZod<IngestRouteOptions> = async (app, options) => {
  app.post(
    '/v1/purchases',
    {
      config: { scope: 'events:write' },
      schema: {
        tags: ['ingestion'],
        summary: 'Send orders',
        description:
          "Stores one order or a batch, refreshes each client's purchase rhythm (expected next purchase) " +
          'and records a `purchase` event per new order in the same transaction, then routes those events.',
        body: IngestPurchasesBody,
        response: { 202: IngestPurchasesResponse },
      },
    },
    async (request, reply) => {
      const batch = 'purchases' in request.body ? request.body.purchases : [request.body];
      assertBatchSize('body.purchases', batch.length, options.maxBatchSize);
      const recorded = await options.db.transaction((tx) =>
        recordPurchases(
          tx,
          batch.map((p) => ({ ...p, clientExternalId: p.clientId, purchasedAt: new Date(p.purchasedAt) })),
          new Date(),
        ),
      );
      const outcomes = recorded.purchases;
      const fresh = outcomes.filter((o) => o.isNew);
      routeInBackground(
        options.router,
        [...fresh, ...recorded.segmentEvents.filter((o) => o.isNew)].map((o) => o.eventId),
        request.log,
      );
      return reply.code(202).send({ accepted: fresh.length, duplicates: outcomes.length - fresh.length });
    },
  );
};
