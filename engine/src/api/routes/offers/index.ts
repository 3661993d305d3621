import type { Database } from '@touchpoint/db';
import { OfferKind } from '@touchpoint/db';
import { createOffer, deleteOffer, findOffer, listOffers, replaceOffer } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { routeErrors } from '../../plugins/error-responses';
import { CatalogParams, conflictOnKeyInUse, deletedOr404, foundOr404 } from '../catalog-helpers';
import { Instant } from '../../input-bounds';

/**
 * An offer as written by the API. `value` is a percent for `percentDiscount` (0 < v <= 100) and an
 * amount for `amountDiscount`; gifts and free shipping need none. Omitted fields keep their stored value
 * on PUT.
 */
export const OfferBody = z
  .strictObject({
    key: z.string().min(1).max(200).describe('your unique key of the offer (`WELCOME10`), for templates'),
    name: z.string().min(1).max(500).describe("the offer's name, for people"),
    kind: OfferKind.describe('what the offer gives'),
    value: z
      .number()
      .positive()
      .max(1e10)
      .nullable()
      .optional()
      .describe('a percent (0–100] for percentDiscount, an amount for amountDiscount; none for the rest'),
    productSku: z.string().min(1).max(200).nullable().optional().describe('the product it is for, if one'),
    validFrom: Instant.nullable().optional().describe('from when it may be sent (ISO 8601 with offset)'),
    validUntil: Instant.nullable().optional().describe('until when, after validFrom (ISO 8601 with offset)'),
    attributes: z.record(z.string(), z.unknown()).optional().describe('free-form fields templates can read'),
  })
  .superRefine((offer, ctx) => {
    const needsValue = offer.kind === 'percentDiscount' || offer.kind === 'amountDiscount';
    if (needsValue && (offer.value === undefined || offer.value === null)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${offer.kind} needs a value` });
    }
    if (offer.kind === 'percentDiscount' && typeof offer.value === 'number' && offer.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percent discount is at most 100' });
    }
    if (offer.validFrom && offer.validUntil && Date.parse(offer.validUntil) <= Date.parse(offer.validFrom)) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after validFrom' });
    }
  });
export type OfferBody = z.infer<typeof OfferBody>;

export const OfferResponse = z
  .object({
    id: z.string().describe("Touchpoint's id of the offer"),
    key: z.string().describe('your unique key of the offer'),
    name: z.string().describe("the offer's name"),
    kind: OfferKind.describe('what the offer gives'),
    value: z.number().nullable().describe('the percent or amount; null for gifts and free shipping'),
    productSku: z.string().nullable().describe('the product it is for; null when any'),
    validFrom: z.date().nullable().describe('from when it may be sent; null: always'),
    validUntil: z.date().nullable().describe('until when; null: no end'),
    attributes: z.record(z.string(), z.unknown()).describe('free-form fields'),
    createdAt: z.date().describe('when it was created'),
    updatedAt: z.date().describe('when it last changed'),
  })
  .describe('an offer sends can carry');

const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

function toRow(body: OfferBody) {
  return { ...body, validFrom: toDate(body.validFrom), validUntil: toDate(body.validUntil) };
}

const errors = routeErrors(409);
const read = { scope: 'catalog:read' } as const;
const write = { scope: 'catalog:write' } as const;

/** Offers (discounts, gifts attached to sends): create, list, read, update, delete. */
export const offerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/v1/offers',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Create an offer',
        description:
          'Adds a discount, gift or free shipping sends can carry; a `key` already in use is a 409.',
        body: OfferBody,
        response: { 201: OfferResponse, ...errors },
      },
    },
    async (request, reply) => {
      const row = await conflictOnKeyInUse(() => createOffer(db, toRow(request.body)));
      return reply.code(201).send(row);
    },
  );
  app.get(
    '/v1/offers',
    {
      config: read,
      schema: {
        tags: ['catalog'],
        summary: 'List offers',
        description: 'Every offer, by key.',
        response: {
          200: z
            .object({ items: z.array(OfferResponse).describe('the offers, by key') })
            .describe('every offer'),
        },
      },
    },
    async () => ({ items: await listOffers(db) }),
  );
  app.get(
    '/v1/offers/:id',
    {
      config: read,
      schema: {
        tags: ['catalog'],
        summary: 'Read an offer',
        description: 'One offer.',
        params: CatalogParams,
        response: { 200: OfferResponse },
      },
    },
    async (request) => foundOr404(await findOffer(db, request.params.id), 'offer', request.params.id),
  );
  app.put(
    '/v1/offers/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Replace an offer',
        description: "Replaces the offer's fields; a `key` another offer has is a 409.",
        params: CatalogParams,
        body: OfferBody,
        response: { 200: OfferResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      return foundOr404(
        await conflictOnKeyInUse(() => replaceOffer(db, id, toRow(request.body))),
        'offer',
        id,
      );
    },
  );
  app.delete(
    '/v1/offers/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Delete an offer',
        description: 'Removes the offer; journeys that name it fail their check at the next publish.',
        params: CatalogParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      deletedOr404(await deleteOffer(db, request.params.id), 'offer', request.params.id);
      return reply.code(204).send(null);
    },
  );
};
