import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { getScopeEnrollmentsQuery } from './converted-enrollments-query';
import type { ReportScope } from './report-scope';
import { selectRows } from './select-rows';

/** Histogram bin edges in days: bin i is [edge i, edge i+1), the last one open-ended. */
export const TIME_TO_CONVERT_BIN_DAYS = [0, 1, 2, 3, 5, 7, 14, 30, 60, 90] as const;

/** Quantiles of the seconds from a start to the goal (percentile_cont: linear between neighbours). */
export interface ConversionTimes {
  conversions: number;
  medianSeconds: number | null;
  p75Seconds: number | null;
  p90Seconds: number | null;
}

export interface TimeToConvert {
  fromEntry: ConversionTimes & {
    histogram: { fromDay: number; toDay: number | null; conversions: number }[];
  };
  /** Per drawn node: from the enrollment's first visit to it in scope to the goal. */
  fromNode: Record<string, ConversionTimes>;
}

type QuantileRow = { node_id: string | null; n: number; q: (number | string)[] | null };

const toTimes = (row: QuantileRow | undefined): ConversionTimes => ({
  conversions: row?.n ?? 0,
  medianSeconds: row?.q ? Number(row.q[0]) : null,
  p75Seconds: row?.q ? Number(row.q[1]) : null,
  p90Seconds: row?.q ? Number(row.q[2]) : null,
});

/**
 * Time to convert (docs/metrics.md): for converted enrollments in scope, `exited_at − entered_at`
 * (from entry) and `exited_at − min(visit.entered_at)` per drawn node (from each step).
 */
export async function measureTimeToConvert(db: Executor, scope: ReportScope): Promise<TimeToConvert> {
  const quantiles = sql`count(*)::int as n,
    percentile_cont(array[0.5, 0.75, 0.9]) within group (order by seconds) as q`;
  const [entryRows, nodeRows, binRows] = await Promise.all([
    selectRows<QuantileRow>(
      db,
      sql`with s as (${getScopeEnrollmentsQuery(scope)}),
        t as (select extract(epoch from (exited_at - entered_at))::float8 as seconds from s where is_converted)
        select null as node_id, ${quantiles} from t having count(*) > 0`,
    ),
    selectRows<QuantileRow>(
      db,
      // Like the canvas's per-node conversions: visits of the enrollments in scope (entered in the
      // period), found from the converted ones by the (enrollment_id, visit_seq) index.
      sql`with s as (${getScopeEnrollmentsQuery(scope)}),
        t as (
          select split_part(v.node_id, '/', 1) as node_id,
            extract(epoch from (s.exited_at - min(v.entered_at)))::float8 as seconds
          from s join node_visits v on v.enrollment_id = s.id
          where s.is_converted and v.journey_id = ${scope.journeyId}
            and ${scope.version === undefined ? sql`true` : sql`v.journey_version = ${scope.version}`}
          group by 1, s.id, s.exited_at
        )
        select node_id, ${quantiles} from t group by node_id`,
    ),
    selectRows<{ bin: number; n: number }>(
      db,
      sql`with s as (${getScopeEnrollmentsQuery(scope)})
        select width_bucket(extract(epoch from (exited_at - entered_at)) / 86400,
          ${`{${TIME_TO_CONVERT_BIN_DAYS.join(',')}}`}::numeric[]) as bin, count(*)::int as n
        from s where is_converted group by bin`,
    ),
  ]);
  const byBin = new Map(binRows.map((row) => [row.bin, row.n]));
  const histogram = TIME_TO_CONVERT_BIN_DAYS.map((fromDay, index) => ({
    fromDay,
    toDay: TIME_TO_CONVERT_BIN_DAYS[index + 1] ?? null,
    conversions: byBin.get(index + 1) ?? 0,
  }));
  const fromNode = Object.fromEntries(nodeRows.map((row) => [row.node_id ?? '', toTimes(row)]));
  return { fromEntry: { ...toTimes(entryRows[0]), histogram }, fromNode };
}
