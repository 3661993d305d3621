import { boolean, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, updatedAt } from './columns';

/** Free-form product attributes (artist, genre, size…) available to templates. */
export const ProductAttributes = z.record(z.string(), z.unknown());
export type ProductAttributes = z.infer<typeof ProductAttributes>;

/** Catalog product; `sku` is the business key shared with purchase lines and templates. */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category'),
    price: numeric('price', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    url: text('url'),
    imageUrl: text('image_url'),
    attributes: jsonb('attributes').$type<ProductAttributes>().notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('products_sku_key').on(t.sku)],
);

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;
