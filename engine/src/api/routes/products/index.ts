import type { Database } from '@touchpoint/db';
import { createProduct, deleteProduct, findProduct, listProducts, replaceProduct } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { routeErrors } from '../../plugins/error-responses';
import { CatalogParams, conflictOnKeyInUse, deletedOr404, foundOr404 } from '../catalog-helpers';

/** A catalog product as written by the API; `sku` is the business key purchase lines refer to. */
export const ProductBody = z.strictObject({
  sku: z
    .string()
    .min(1)
    .max(200)
    .describe('your stock-keeping unit, unique; purchase lines and offers name it'),
  name: z.string().min(1).max(500).describe("the product's name, for templates"),
  category: z.string().max(200).nullable().optional().describe('a category of your own'),
  price: z.number().nonnegative().max(1e10).nullable().optional().describe('the list price'),
  currency: z.string().length(3).optional().describe('ISO 4217 code of the price (default USD)'),
  url: z.url().nullable().optional().describe('its page in your shop'),
  imageUrl: z.url().nullable().optional().describe('a picture of it, for mail'),
  attributes: z.record(z.string(), z.unknown()).optional().describe('free-form fields templates can read'),
  isActive: z.boolean().optional().describe('false hides it from new offers (default true)'),
});
export type ProductBody = z.infer<typeof ProductBody>;

export const ProductResponse = z
  .object({
    id: z.string().describe("Touchpoint's id of the product"),
    sku: z.string().describe('your stock-keeping unit'),
    name: z.string().describe("the product's name"),
    category: z.string().nullable().describe('its category; null when none'),
    price: z.number().nullable().describe('the list price; null when none'),
    currency: z.string().describe('ISO 4217 code of the price'),
    url: z.string().nullable().describe('its page in your shop'),
    imageUrl: z.string().nullable().describe('a picture of it'),
    attributes: z.record(z.string(), z.unknown()).describe('free-form fields'),
    isActive: z.boolean().describe('false when hidden from new offers'),
    createdAt: z.date().describe('when it was created'),
    updatedAt: z.date().describe('when it last changed'),
  })
  .describe('a catalog product');

const errors = routeErrors(409);
const read = { scope: 'catalog:read' } as const;
const write = { scope: 'catalog:write' } as const;

/** Products: create, list, read, replace, delete. */
export const productRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/v1/products',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Create a product',
        description: 'Adds a product to the catalog; a `sku` already in use is a 409.',
        body: ProductBody,
        response: { 201: ProductResponse, ...errors },
      },
    },
    async (request, reply) => {
      const row = await conflictOnKeyInUse(() => createProduct(db, request.body));
      return reply.code(201).send(row);
    },
  );
  app.get(
    '/v1/products',
    {
      config: read,
      schema: {
        tags: ['catalog'],
        summary: 'List products',
        description: 'Every product of the catalog, by sku.',
        response: {
          200: z
            .object({ items: z.array(ProductResponse).describe('the products, by sku') })
            .describe('the catalog'),
        },
      },
    },
    async () => ({ items: await listProducts(db) }),
  );
  app.get(
    '/v1/products/:id',
    {
      config: read,
      schema: {
        tags: ['catalog'],
        summary: 'Read a product',
        description: 'One product of the catalog.',
        params: CatalogParams,
        response: { 200: ProductResponse },
      },
    },
    async (request) => foundOr404(await findProduct(db, request.params.id), 'product', request.params.id),
  );
  app.put(
    '/v1/products/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Replace a product',
        description: "Replaces the product's fields; a `sku` another product has is a 409.",
        params: CatalogParams,
        body: ProductBody,
        response: { 200: ProductResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      return foundOr404(await conflictOnKeyInUse(() => replaceProduct(db, id, request.body)), 'product', id);
    },
  );
  app.delete(
    '/v1/products/:id',
    {
      config: write,
      schema: {
        tags: ['catalog'],
        summary: 'Delete a product',
        description: 'Removes the product from the catalog.',
        params: CatalogParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      deletedOr404(await deleteProduct(db, request.params.id), 'product', request.params.id);
      return reply.code(204).send(null);
    },
  );
};
