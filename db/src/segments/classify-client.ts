import type { CutPoints, LifecycleGrid, LifecycleStage, RfmCutPointSet } from './segmentation-settings';

/**
 * The segmentation job's classification of one client, as pure functions: the RFM cell and the
 * lifecycle stage from the client's facts on a day. The full recompute and a purchase's incremental
 * update both call these, so a client is classified the same way whichever ran.
 */

/** What classification reads about a client (from `client_facts`). */
export interface ClassifiableFacts {
  purchaseCount: number;
  totalValue: number;
  /** Whole UTC days since the last purchase (`daysSinceLastPurchase`). */
  daysSinceLastPurchase: number;
}

/** 1, 2 or 3 for a value against ascending cut points: ≤ low → 1, ≤ high → 2, else 3. */
export function scoreAgainst(value: number, [low, high]: CutPoints): 1 | 2 | 3 {
  if (value <= low) return 1;
  return value <= high ? 2 : 3;
}

/** The RFM cell, `R<r>F<f>M<m>` with 3 best (recency scores the other way: fewer days is better). */
export function classifyRfmCell(facts: ClassifiableFacts, cuts: RfmCutPointSet): string {
  const r = 4 - scoreAgainst(facts.daysSinceLastPurchase, cuts.recencyDays);
  const f = scoreAgainst(facts.purchaseCount, cuts.purchaseCount);
  const m = scoreAgainst(facts.totalValue, cuts.totalValue);
  return `R${r}F${f}M${m}`;
}

/** The first region of the grid the client falls in, or null (no purchase, or no region covers it). */
export function classifyLifecycleStage(facts: ClassifiableFacts, grid: LifecycleGrid): LifecycleStage | null {
  if (facts.purchaseCount < 1) return null;
  const region = grid.regions.find(
    (r) =>
      facts.purchaseCount >= r.minPurchases &&
      (r.maxPurchases === null || facts.purchaseCount <= r.maxPurchases) &&
      facts.daysSinceLastPurchase >= r.minDays &&
      (r.maxDays === null || facts.daysSinceLastPurchase <= r.maxDays),
  );
  return region?.stage ?? null;
}

/** The grid cell a client is drawn in: row 1…purchaseRows (last = "or more"), column 0…dayColumns.length. */
export function lifecycleCellOf(
  facts: ClassifiableFacts,
  grid: LifecycleGrid,
): { row: number; column: number } {
  const column = grid.dayColumns.findIndex((upper) => facts.daysSinceLastPurchase <= upper);
  return {
    row: Math.min(facts.purchaseCount, grid.purchaseRows),
    column: column === -1 ? grid.dayColumns.length : column,
  };
}

/** All 27 cells, R1F1M1 … R3F3M3. */
export const RFM_CELLS: readonly string[] = [1, 2, 3].flatMap((r) =>
  [1, 2, 3].flatMap((f) => [1, 2, 3].map((m) => `R${r}F${f}M${m}`)),
);

/** The segment key of seed 004's smart trigger. */
export const OVERDUE_SEGMENT = 'overdue';
