import { index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { purchases } from './purchases';

/** A product line of a purchase. `sku` is kept as text so lines survive catalog changes. */
export const purchaseLines = pgTable(
  'purchase_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseId: uuid('purchase_id')
      .notNull()
      .references(() => purchases.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    name: text('name'),
    quantity: integer('quantity').notNull().default(1),
    unitPrice: numeric('unit_price', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [index('purchase_lines_purchase_idx').on(t.purchaseId)],
);

export type PurchaseLineRow = typeof purchaseLines.$inferSelect;
export type NewPurchaseLineRow = typeof purchaseLines.$inferInsert;
