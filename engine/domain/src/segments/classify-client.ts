import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { clientFacts } from '@touchpoint/db';
import { daysSinceLastPurchaseSql } from './fact-sql';
import type { CutPoints, LifecycleGrid, RfmCutPointSet } from './segmentation-settings';

/**
 * The segmentation job's classification of a client, as SQL expressions over `clients` left-joined with
 * `client_facts`: the RFM cell and the lifecycle stage on a day. The full recompute (a range of clients)
 * and a purchase's incremental update (its buyers) both use these, so a client is classified the same way
 * whichever ran, and a million clients are classified in the database instead of one by one.
 */

const float = (value: number) => sql`${value}::float8`;

/** 1, 2 or 3 for a value against ascending cut points: ≤ low → 1, ≤ high → 2, else 3. */
function scoreSql(value: SQL, [low, high]: CutPoints): SQL {
  return sql`(case when ${value} <= ${float(low)} then 1 when ${value} <= ${float(high)} then 2 else 3 end)`;
}

/** Whether the client has bought at all: without a purchase there is no cell and no stage. */
function hasPurchasedSql(): SQL {
  return sql`(${clientFacts.purchaseCount} > 0 and ${clientFacts.lastPurchaseAt} is not null)`;
}

/** The RFM cell, `R<r>F<f>M<m>` with 3 best (recency scores the other way: fewer days is better). */
export function rfmCellSql(cuts: RfmCutPointSet, asOf: Date): SQL<string | null> {
  const days = sql`(${daysSinceLastPurchaseSql(asOf)})::float8`;
  const r = sql`(4 - ${scoreSql(days, cuts.recencyDays)})`;
  const f = scoreSql(sql`(${clientFacts.purchaseCount})::float8`, cuts.purchaseCount);
  const m = scoreSql(sql`(${clientFacts.totalValue})::float8`, cuts.totalValue);
  return sql<
    string | null
  >`(case when ${hasPurchasedSql()} then 'R' || ${r} || 'F' || ${f} || 'M' || ${m} end)`;
}

/** The first region of the grid the client falls in, or null (no purchase, or no region covers it). */
export function lifecycleStageSql(grid: LifecycleGrid, asOf: Date): SQL<string | null> {
  const days = daysSinceLastPurchaseSql(asOf);
  const count = sql`${clientFacts.purchaseCount}`;
  const branches = grid.regions.map((region) => {
    const bounds = [
      sql`${count} >= ${region.minPurchases}::int`,
      region.maxPurchases === null ? null : sql`${count} <= ${region.maxPurchases}::int`,
      sql`${days} >= ${region.minDays}::int`,
      region.maxDays === null ? null : sql`${days} <= ${region.maxDays}::int`,
    ].filter((bound): bound is SQL => bound !== null);
    return sql`when ${sql.join(bounds, sql` and `)} then ${region.stage}::text`;
  });
  return sql<
    string | null
  >`(case when not coalesce(${hasPurchasedSql()}, false) then null ${sql.join(branches, sql` `)} end)`;
}

/** All 27 cells, R1F1M1 … R3F3M3. */
export const RFM_CELLS: readonly string[] = [1, 2, 3].flatMap((r) =>
  [1, 2, 3].flatMap((f) => [1, 2, 3].map((m) => `R${r}F${f}M${m}`)),
);

/** The segment key of seed 004's smart trigger. */
export const OVERDUE_SEGMENT = 'overdue';
