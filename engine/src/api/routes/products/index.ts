import type { Database } from '@touchpoint/db';
import { asc, eq, products } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { CatalogParams, foundOr404, writeUnique } from '../catalog-helpers';

/** A catalog product as written by the API; `sku` is the business key purchase lines refer to. */
export const ProductBody = z.strictObject({
  sku: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  category: z.string().max(200).nullable().optional(),
  price: z.number().nonnegative().max(1e10).nullable().optional(),
  currency: z.string().length(3).optional(),
  url: z.url().nullable().optional(),
  imageUrl: z.url().nullable().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  isActive: z.boolean().optional(),
});
export type ProductBody = z.infer<typeof ProductBody>;

export const ProductResponse = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string(),
  url: z.string().nullable(),
  imageUrl: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  isActive: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const errors = { '4xx': ApiErrorBody };
const read = { scope: 'catalog:read' } as const;
const write = { scope: 'catalog:write' } as const;

/** Products: create, list, read, replace, delete. */
export const productRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const load = async (id: string) =>
    foundOr404((await db.select().from(products).where(eq(products.id, id)))[0], 'product', id);
  app.post(
    '/v1/products',
    {
      config: write,
      schema: { tags: ['catalog'], body: ProductBody, response: { 201: ProductResponse, ...errors } },
    },
    async (request, reply) => {
      const [row] = await writeUnique('sku', () => db.insert(products).values(request.body).returning());
      return reply.code(201).send(row!);
    },
  );
  app.get(
    '/v1/products',
    {
      config: read,
      schema: { tags: ['catalog'], response: { 200: z.object({ items: z.array(ProductResponse) }) } },
    },
    async () => ({ items: await db.select().from(products).orderBy(asc(products.sku)) }),
  );
  app.get(
    '/v1/products/:id',
    {
      config: read,
      schema: { tags: ['catalog'], params: CatalogParams, response: { 200: ProductResponse, ...errors } },
    },
    async (request) => load(request.params.id),
  );
  app.put(
    '/v1/products/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        params: CatalogParams,
        body: ProductBody,
        response: { 200: ProductResponse, ...errors },
      },
    },
    async (request) => {
      await load(request.params.id);
      const [row] = await writeUnique('sku', () =>
        db
          .update(products)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(products.id, request.params.id))
          .returning(),
      );
      return row!;
    },
  );
  app.delete(
    '/v1/products/:id',
    {
      config: write,
      schema: { tags: ['catalog'], params: CatalogParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await load(request.params.id);
      await db.delete(products).where(eq(products.id, request.params.id));
      return reply.code(204).send(null);
    },
  );
};
