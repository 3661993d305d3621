import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import { segments } from '@touchpoint/db';
import { daysSinceLastPurchaseSql } from './fact-sql';
import type { LifecycleGrid, LifecycleStage } from './segmentation-settings';

/** One cell of seed 004's grid: a purchase-count row × a days-since-last-purchase column. */
export interface LifecycleCellFigure {
  /** 1…purchaseRows; the last row is "that many or more". */
  row: number;
  /** 0…dayColumns.length; the last column is "more than the last bound". */
  column: number;
  /** The stage of the region that holds the cell's first day (null: no region covers it). */
  stage: LifecycleStage | null;
  clients: number;
  revenue: number;
}

/** A stage's segment, for the members list and "start a journey" (null before the first recompute). */
export interface LifecycleStageSegment {
  stage: LifecycleStage;
  segmentId: string | null;
}

/**
 * The stage whose region holds a cell's first day: the same first-match rule `lifecycleStageSql`
 * applies to clients, applied here to the cell's corner to label the drawing.
 */
function stageOfCell(purchaseCount: number, days: number, grid: LifecycleGrid): LifecycleStage | null {
  const region = grid.regions.find(
    (r) =>
      purchaseCount >= r.minPurchases &&
      (r.maxPurchases === null || purchaseCount <= r.maxPurchases) &&
      days >= r.minDays &&
      (r.maxDays === null || days <= r.maxDays),
  );
  return region?.stage ?? null;
}

/** The column of `days`: the first column whose inclusive upper bound holds it, else the last. */
function columnSql(days: SQL, dayColumns: readonly number[]): SQL {
  const whens = dayColumns.map((upper, index) => sql`when ${days} <= ${upper} then ${index}`);
  return sql`(case ${sql.join(whens, sql` `)} else ${dayColumns.length} end)`;
}

/**
 * The grid as of `asOf`: every cell (rows × columns, empty ones with zeros) with the clients in it and
 * their lifetime purchase value, one `GROUP BY` over `client_facts`. A client sits in row
 * min(purchases, purchaseRows) and the column of whole UTC days since the last purchase, as the
 * segmentation job's `lifecycleCellOf` places them.
 */
export async function readLifecycleGrid(
  db: Executor,
  grid: LifecycleGrid,
  asOf: Date,
): Promise<{ cells: LifecycleCellFigure[]; stages: LifecycleStageSegment[] }> {
  const days = daysSinceLastPurchaseSql(asOf);
  const row = sql<number>`least(${clientFacts.purchaseCount}, ${grid.purchaseRows})::int`;
  const column = sql<number>`${columnSql(days, grid.dayColumns)}::int`;
  const rows = await db
    .select({
      row,
      column,
      clients: sql<number>`count(*)::int`,
      revenue: sql<string>`coalesce(sum(${clientFacts.totalValue}), 0)::text`,
    })
    .from(clientFacts)
    .where(and(gte(clientFacts.purchaseCount, 1), isNotNull(clientFacts.lastPurchaseAt)))
    // By position: the same expression written twice would carry different bind parameters, which
    // PostgreSQL does not recognise as one grouping key.
    .groupBy(sql`1`, sql`2`);
  const found = new Map(rows.map((r) => [`${r.row}:${r.column}`, r]));
  const cells: LifecycleCellFigure[] = [];
  for (let r = 1; r <= grid.purchaseRows; r += 1) {
    for (let c = 0; c <= grid.dayColumns.length; c += 1) {
      const firstDay = c === 0 ? 0 : grid.dayColumns[c - 1]! + 1;
      const hit = found.get(`${r}:${c}`);
      cells.push({
        row: r,
        column: c,
        stage: stageOfCell(r, firstDay, grid),
        clients: hit?.clients ?? 0,
        revenue: Number(hit?.revenue ?? 0),
      });
    }
  }
  const stageRows = await db
    .select({ id: segments.id, key: segments.key })
    .from(segments)
    .where(eq(segments.kind, 'lifecycle'));
  const stageIds = new Map(stageRows.map((s) => [s.key, s.id]));
  const stages = [...new Set(grid.regions.map((region) => region.stage))].map((stage) => ({
    stage,
    segmentId: stageIds.get(stage) ?? null,
  }));
  return { cells, stages };
}
