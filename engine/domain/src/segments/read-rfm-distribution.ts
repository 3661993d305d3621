import { eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import { segments } from '@touchpoint/db';
import { RFM_CELLS } from './classify-client';

/** One RFM cell as the heatmap draws it. */
export interface RfmCellFigure {
  /** `R<r>F<f>M<m>`, 3 best; also the cell's segment key. */
  cell: string;
  recency: number;
  frequency: number;
  monetary: number;
  /** The cell's segment (null until the first recompute creates the built-in segments). */
  segmentId: string | null;
  clients: number;
  revenue: number;
  /** clients ÷ clients in any cell (0 when no client has a cell). */
  clientShare: number;
  /** revenue ÷ revenue of all cells (0 when there is none). */
  revenueShare: number;
}

/**
 * The 27 cells with the clients the segmentation job last put in each (`client_facts.rfm_cell`) and their
 * lifetime purchase value: one `GROUP BY` over the facts, every cell present (an empty one with zeros).
 */
export async function readRfmDistribution(db: Executor): Promise<RfmCellFigure[]> {
  const rows = await db
    .select({
      cell: clientFacts.rfmCell,
      clients: sql<number>`count(*)::int`,
      revenue: sql<string>`coalesce(sum(${clientFacts.totalValue}), 0)::text`,
    })
    .from(clientFacts)
    .where(isNotNull(clientFacts.rfmCell))
    .groupBy(clientFacts.rfmCell);
  const cellSegments = await db
    .select({ id: segments.id, key: segments.key })
    .from(segments)
    .where(eq(segments.kind, 'rfm'));
  const byCell = new Map(rows.map((row) => [row.cell, row]));
  const segmentOf = new Map(cellSegments.map((row) => [row.key, row.id]));
  const totalClients = rows.reduce((sum, row) => sum + row.clients, 0);
  const totalRevenue = rows.reduce((sum, row) => sum + Number(row.revenue), 0);
  return RFM_CELLS.map((cell) => {
    const row = byCell.get(cell);
    const clients = row?.clients ?? 0;
    const revenue = Number(row?.revenue ?? 0);
    return {
      cell,
      recency: Number(cell[1]),
      frequency: Number(cell[3]),
      monetary: Number(cell[5]),
      segmentId: segmentOf.get(cell) ?? null,
      clients,
      revenue,
      clientShare: totalClients === 0 ? 0 : clients / totalClients,
      revenueShare: totalRevenue === 0 ? 0 : revenue / totalRevenue,
    };
  });
}
