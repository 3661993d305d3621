import type { Database } from '@touchpoint/db';
import { asc, eq, OfferKind, offers } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { CatalogParams, foundOr404, writeUnique } from '../catalog-helpers';
import { Instant } from '../../input-bounds';

/**
 * An offer as written by the API. `value` is a percent for `percentDiscount` (0 < v <= 100) and an
 * amount for `amountDiscount`; gifts and free shipping need none. Omitted fields keep their stored value
 * on PUT.
 */
export const OfferBody = z
  .strictObject({
    key: z.string().min(1).max(200),
    name: z.string().min(1).max(500),
    kind: OfferKind,
    value: z.number().positive().max(1e10).nullable().optional(),
    productSku: z.string().min(1).max(200).nullable().optional(),
    validFrom: Instant.nullable().optional(),
    validUntil: Instant.nullable().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
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

export const OfferResponse = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: OfferKind,
  value: z.number().nullable(),
  productSku: z.string().nullable(),
  validFrom: z.date().nullable(),
  validUntil: z.date().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

function toRow(body: OfferBody) {
  return { ...body, validFrom: toDate(body.validFrom), validUntil: toDate(body.validUntil) };
}

const errors = { '4xx': ApiErrorBody };
const read = { scope: 'catalog:read' } as const;
const write = { scope: 'catalog:write' } as const;

/** Offers (discounts, gifts attached to sends): create, list, read, update, delete. */
export const offerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const load = async (id: string) =>
    foundOr404((await db.select().from(offers).where(eq(offers.id, id)))[0], 'offer', id);
  app.post(
    '/v1/offers',
    {
      config: write,
      schema: { tags: ['catalog'], body: OfferBody, response: { 201: OfferResponse, ...errors } },
    },
    async (request, reply) => {
      const [row] = await writeUnique('key', () => db.insert(offers).values(toRow(request.body)).returning());
      return reply.code(201).send(row!);
    },
  );
  app.get(
    '/v1/offers',
    {
      config: read,
      schema: { tags: ['catalog'], response: { 200: z.object({ items: z.array(OfferResponse) }) } },
    },
    async () => ({ items: await db.select().from(offers).orderBy(asc(offers.key)) }),
  );
  app.get(
    '/v1/offers/:id',
    {
      config: read,
      schema: { tags: ['catalog'], params: CatalogParams, response: { 200: OfferResponse, ...errors } },
    },
    async (request) => load(request.params.id),
  );
  app.put(
    '/v1/offers/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        params: CatalogParams,
        body: OfferBody,
        response: { 200: OfferResponse, ...errors },
      },
    },
    async (request) => {
      await load(request.params.id);
      const [row] = await writeUnique('key', () =>
        db
          .update(offers)
          .set({ ...toRow(request.body), updatedAt: new Date() })
          .where(eq(offers.id, request.params.id))
          .returning(),
      );
      return row!;
    },
  );
  app.delete(
    '/v1/offers/:id',
    {
      config: write,
      schema: { tags: ['catalog'], params: CatalogParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await load(request.params.id);
      await db.delete(offers).where(eq(offers.id, request.params.id));
      return reply.code(204).send(null);
    },
  );
};
