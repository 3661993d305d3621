import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { clientFacts } from '@touchpoint/db';

/**
 * SQL forms of the client facts rules read, over `client_facts` (left-joined: a client without purchases
 * has nulls here). Each mirrors a pure function of `client-facts/smart-trigger.ts`; the segmentation
 * tests check both give the same members.
 */

/** `daysSinceLastPurchase(lastPurchaseAt, asOf)`: whole UTC days. */
export function daysSinceLastPurchaseSql(asOf: Date): SQL {
  return sql`((${asOf.toISOString()}::timestamptz at time zone 'UTC')::date - (${clientFacts.lastPurchaseAt} at time zone 'UTC')::date)`;
}

/** `isClientOverdue(facts, asOf)`: the whole days since the last purchase exceed the mean interval. */
export function overdueSql(asOf: Date): SQL {
  return sql`(${clientFacts.meanIntervalDays} is not null and ${daysSinceLastPurchaseSql(asOf)} > ${clientFacts.meanIntervalDays})`;
}
