import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { selectRows } from '../select-rows';
import type { UpliftCell } from './count-uplift-arms';

/**
 * The uplift cells of a journey from its maintained counters (one version or all, the whole journey
 * or one drawn node), with the action figures of `taxonomyVersion`: the same cells `countUpliftArms`
 * counts from raw rows, for the 30-day revenue window the rollups keep.
 */
export async function readUpliftCounters(
  db: Executor,
  scope: { journeyId: string; version?: number | undefined; nodeId?: string | undefined },
  taxonomyVersion: number,
): Promise<UpliftCell[]> {
  const rows = await selectRows<{ stratum: string; is_control: boolean; figure: string; n: number }>(
    db,
    sql`select stratum, is_control, figure, sum(n)::float8 as n from uplift_counters
      where journey_id = ${scope.journeyId} and node_id = ${scope.nodeId ?? ''}
        and taxonomy_version in (0, ${taxonomyVersion})
        ${scope.version === undefined ? sql`` : sql`and journey_version = ${scope.version}`}
      group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`,
  );
  const cells = new Map<string, UpliftCell>();
  for (const row of rows) {
    const key = `${row.is_control ? 1 : 0}${row.stratum}`;
    const cell = cells.get(key) ?? emptyCell(row.stratum, row.is_control);
    cells.set(key, cell);
    if (row.figure.startsWith('acted:')) cell.actedBy[row.figure.slice('acted:'.length)] = row.n;
    else if (isSum(row.figure)) cell[row.figure] = row.n;
  }
  // A cell whose clients all left (counters at 0) has no clients row: it is no cell.
  return [...cells.values()]
    .filter((cell) => cell.clients > 0)
    .sort((a, b) =>
      a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : Number(a.control) - Number(b.control),
    );
}

const SUMS = [
  'clients',
  'converted',
  'engaged',
  'revenue',
  'revenueSquares',
  'pastSpend',
  'pastSpendSquares',
] as const;
const isSum = (figure: string): figure is (typeof SUMS)[number] =>
  (SUMS as readonly string[]).includes(figure);

function emptyCell(stratum: string, control: boolean): UpliftCell {
  return {
    stratum,
    control,
    clients: 0,
    converted: 0,
    actedBy: {},
    engaged: 0,
    revenue: 0,
    revenueSquares: 0,
    pastSpend: 0,
    pastSpendSquares: 0,
  };
}
