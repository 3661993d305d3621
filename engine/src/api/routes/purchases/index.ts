import { storePurchases } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ApiErrorBody } from '../../api-error';
import { routeInBackground } from '../route-deps';
import type { IngestRouteOptions } from '../route-deps';

/** One order. `idempotencyKey` is the order id; `clientId` the client's external id. */
export const IngestPurchase = z.strictObject({
  idempotencyKey: z.string().min(1).max(200),
  clientId: z.string().min(1).max(200),
  purchasedAt: z.iso.datetime({ offset: true }),
  value: z.number().nonnegative().max(1e10),
  currency: z.string().length(3).optional(),
  itemCount: z.number().int().positive().optional(),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        name: z.string().optional(),
        quantity: z.number().int().positive(),
        unitPrice: z.number().nonnegative(),
      }),
    )
    .optional(),
});
export type IngestPurchase = z.infer<typeof IngestPurchase>;

export const IngestPurchasesBody = z.union([
  z.strictObject({ purchases: z.array(IngestPurchase).min(1) }),
  IngestPurchase,
]);

export const IngestPurchasesResponse = z.object({ accepted: z.number().int(), duplicates: z.number().int() });

/**
 * `POST /v1/purchases`: stores orders, refreshes the clients' facts (smart trigger) and records a
 * `purchase` event per new order in the same transaction, then routes those events.
 */
export const purchaseRoutes: FastifyPluginAsyncZod<IngestRouteOptions> = async (app, options) => {
  app.post(
    '/v1/purchases',
    {
      config: { scope: 'events:write' },
      schema: {
        tags: ['ingestion'],
        body: IngestPurchasesBody,
        response: { 202: IngestPurchasesResponse, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const batch = 'purchases' in request.body ? request.body.purchases : [request.body];
      if (batch.length > options.maxBatchSize) {
        throw new ApiError(
          'payload_too_large',
          `body.purchases: at most ${options.maxBatchSize} per request`,
        );
      }
      const outcomes = await options.db.transaction((tx) =>
        storePurchases(
          tx,
          batch.map((p) => ({ ...p, clientExternalId: p.clientId, purchasedAt: new Date(p.purchasedAt) })),
        ),
      );
      const fresh = outcomes.filter((o) => o.isNew);
      routeInBackground(
        options.router,
        fresh.map((o) => o.eventId),
        request.log,
      );
      return reply.code(202).send({ accepted: fresh.length, duplicates: outcomes.length - fresh.length });
    },
  );
};
