import { boolean, doublePrecision, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { moment, updatedAt } from './columns';
import { clients } from './clients';

/**
 * Per-client purchase facts, rewritten on every purchase (seed 004's smart trigger). `meanIntervalDays`
 * is the running mean of the day intervals between consecutive purchases; `expectedNextPurchaseAt` =
 * last purchase + that mean and is the default checkpoint. `lastIntervalExceededMean` is the seed table's
 * last column for the newest interval (it exceeded the mean known before it). `rfmCell` and
 * `lifecycleStage` are written by the segmentation job (engine/domain/src/segments), never by a purchase's refresh.
 */
export const clientFacts = pgTable('client_facts', {
  clientId: uuid('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  purchaseCount: integer('purchase_count').notNull().default(0),
  totalValue: numeric('total_value', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
  averageValue: numeric('average_value', { precision: 16, scale: 2, mode: 'number' }),
  firstPurchaseAt: moment('first_purchase_at'),
  lastPurchaseAt: moment('last_purchase_at'),
  intervalCount: integer('interval_count').notNull().default(0),
  intervalSumDays: doublePrecision('interval_sum_days').notNull().default(0),
  lastIntervalDays: doublePrecision('last_interval_days'),
  meanIntervalDays: doublePrecision('mean_interval_days'),
  expectedNextPurchaseAt: moment('expected_next_purchase_at'),
  lastIntervalExceededMean: boolean('last_interval_exceeded_mean').notNull().default(false),
  /** The RFM cell (`R1F3M3`, 3 best) the segmentation job last put the client in; null without purchases. */
  rfmCell: text('rfm_cell'),
  /** The lifecycle grid's stage (`best`, `former-best`…) the segmentation job last put the client in. */
  lifecycleStage: text('lifecycle_stage'),
  updatedAt: updatedAt(),
});

export type ClientFactsRow = typeof clientFacts.$inferSelect;
export type NewClientFactsRow = typeof clientFacts.$inferInsert;
