import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { AttributionMode } from '@touchpoint/language';
import { selectRows } from '../select-rows';

/** One summed counter of a journey (docs/metrics.md, "Rollups"). */
export interface CounterRow {
  journeyVersion: number;
  nodeId: string;
  figure: string;
  bucket: string;
  n: number;
}

export interface CounterScope {
  journeyId: string;
  version?: number | undefined;
  /** Also read the taxonomy figures of this version and attribution rule (else only taxonomy-free ones). */
  taxonomy?: { version: number; attribution: AttributionMode };
  /** A period of whole UTC days (`isWholeDayPeriod`): its days' rows instead of the all-time ones. */
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Figures no period cuts (waiting now): always their all-time rows. */
const UNCUT_FIGURES = ['stepWaiting'];

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

function daysOf(scope: CounterScope) {
  if (scope.from === undefined && scope.to === undefined) return sql`day = '-infinity'`;
  const days = [sql`day > '-infinity'`];
  if (scope.from !== undefined) days.push(sql`day >= ${dayOf(scope.from)}::date`);
  if (scope.to !== undefined) days.push(sql`day < ${dayOf(scope.to)}::date`);
  const uncut = sql.join(
    UNCUT_FIGURES.map((figure) => sql`${figure}`),
    sql`, `,
  );
  return sql`((${sql.join(days, sql` and `)}) or (day = '-infinity' and figure in (${uncut})))`;
}

/**
 * The journey's counters, summed over their keys: one version's rows, or for every version the rows
 * that count there (`journey_version = 0` or `is_sole`); all-time rows, or a period's days summed.
 * Counters left at zero are skipped.
 */
export async function readReportCounters(db: Executor, scope: CounterScope): Promise<CounterRow[]> {
  const versions =
    scope.version === undefined
      ? sql`(journey_version = 0 or is_sole)`
      : sql`journey_version = ${scope.version}`;
  const taxonomy = scope.taxonomy
    ? sql`(taxonomy_version = 0 or (taxonomy_version = ${scope.taxonomy.version}
        and attribution = ${scope.taxonomy.attribution}))`
    : sql`taxonomy_version = 0`;
  const rows = await selectRows<{
    journey_version: number;
    node_id: string;
    figure: string;
    bucket: string;
    n: string;
  }>(
    db,
    sql`select journey_version, node_id, figure, bucket, sum(n)::text as n from report_counters
      where journey_id = ${scope.journeyId} and ${daysOf(scope)} and ${versions} and ${taxonomy}
      group by journey_version, node_id, figure, bucket having sum(n) <> 0`,
  );
  return rows.map((row) => ({
    journeyVersion: row.journey_version,
    nodeId: row.node_id,
    figure: row.figure,
    bucket: row.bucket,
    n: Number(row.n),
  }));
}

/** Sums of `figure` by one part of the key (summing over versions). */
export function sumBy(
  rows: CounterRow[],
  figure: string,
  by: (row: CounterRow) => string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.figure !== figure) continue;
    const key = by(row);
    sums.set(key, (sums.get(key) ?? 0) + row.n);
  }
  return sums;
}
