import { sql } from 'drizzle-orm';
import type { Executor } from '../../database';
import type { FunnelTaxonomy } from '../../funnel/funnel-taxonomy';
import { selectRows } from '../select-rows';
import { recomputeClientUpliftRollups } from '../uplift/recompute-client-uplift-rollups';
import { getClientContributionsQuery } from './get-client-contributions-query';

const KEY = sql`journey_id, day, taxonomy_version, attribution, journey_version, is_sole, node_id, figure, bucket`;

/** The transaction-scoped lock every rollup writer takes, so two never add the same delta twice. */
export async function lockReportRollups(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('report-rollups', 0))`);
}

/**
 * Replaces the contributions of `clientIds` with ones computed from their stored rows now, and moves
 * every counter by the difference: the old contributions are subtracted, the new ones added. Runs in
 * the caller's transaction, under `lockReportRollups`. Two statements, each set-based over the whole
 * client set: the new sums are upserted into `report_counters` first, and the ids that upsert returns
 * are what each client's packed row records. The uplift's counters follow the same clients in the
 * same transaction (`recomputeClientUpliftRollups`), so every road that refreshes the reports (the
 * refresher, a read's catch-up, a rebuild) refreshes the uplift too.
 */
export async function recomputeClientRollups(
  tx: Executor,
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): Promise<void> {
  if (clientIds.length === 0) return;
  const ids = `{${clientIds.join(',')}}`;
  await selectRows(
    tx,
    sql`with old as (
        delete from report_client_contributions where client_id = any(${ids}::uuid[])
        returning counter_ids, ns
      ),
      delta as (
        select u.id, sum(u.n) as n from old cross join lateral unnest(old.counter_ids, old.ns) as u(id, n)
        group by u.id
      )
      update report_counters c set n = c.n - delta.n from delta where c.id = delta.id`,
  );
  // The planner guesses a few thousand fresh rows (it cannot see through the CTEs) and would sort
  // ~90 per client on eight text columns for a merge join back to the upserted ids; hashing them is
  // a fraction of that (measured: 2.2 s of 9.4 s for 2,000 clients). Transaction-scoped.
  await tx.execute(sql`set local enable_mergejoin = off`);
  // ~270 rows per client (all-time and day rows): at 5,000 clients the sorts spilled to disk at the
  // default work_mem, and the planner's low row guesses still cost enough to JIT-compile ~550
  // functions per statement. Both measured on the report bench; transaction-scoped.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`set local jit = off`);
  await selectRows(
    tx,
    sql`with fresh as (${getClientContributionsQuery(clientIds, taxonomy, taxonomyVersion)}),
      summed as (
        insert into report_counters (${KEY}, n)
        select ${KEY}, sum(n) from fresh group by ${KEY}
        on conflict (${KEY}) do update set n = report_counters.n + excluded.n
        returning id, ${KEY}
      )
      insert into report_client_contributions (client_id, counter_ids, ns)
      select f.client_id, array_agg(s.id), array_agg(f.n)
      from fresh f join summed s using (${KEY})
      group by f.client_id`,
  );
  await recomputeClientUpliftRollups(tx, clientIds, taxonomy, taxonomyVersion);
}
