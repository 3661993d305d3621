import { jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import type { OfferKind } from './kinds';

/** Extra offer data handed to templates (promo code, conditions…). */
export const OfferAttributes = z.record(z.string(), z.unknown());
export type OfferAttributes = z.infer<typeof OfferAttributes>;

/**
 * A reusable offer (discount, gift) that a send or escalation rung attaches to a message. `key` is the
 * business key journeys reference; `value` is a percent or an amount depending on `kind`.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OfferKind>().notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    productSku: text('product_sku'),
    validFrom: moment('valid_from'),
    validUntil: moment('valid_until'),
    attributes: jsonb('attributes').$type<OfferAttributes>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('offers_key_key').on(t.key)],
);

export type OfferRow = typeof offers.$inferSelect;
export type NewOfferRow = typeof offers.$inferInsert;
