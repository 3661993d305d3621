import { index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, moment } from './columns';
import { clients } from './clients';

/**
 * One order. `idempotencyKey` is supplied by the caller (order id) so a retried import never counts a
 * purchase twice in the client's facts.
 */
export const purchases = pgTable(
  'purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    purchasedAt: moment('purchased_at').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('USD'),
    itemCount: integer('item_count').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('purchases_idempotency_key_key').on(t.idempotencyKey),
    index('purchases_client_time_idx').on(t.clientId, t.purchasedAt),
  ],
);

export type PurchaseRow = typeof purchases.$inferSelect;
export type NewPurchaseRow = typeof purchases.$inferInsert;
