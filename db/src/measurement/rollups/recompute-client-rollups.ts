import { sql } from 'drizzle-orm';
import type { Executor } from '../../database';
import type { FunnelTaxonomy } from '../../funnel/funnel-taxonomy';
import { selectRows } from '../select-rows';
import { getClientContributionsQuery } from './get-client-contributions-query';

const KEY = sql`journey_id, taxonomy_version, attribution, journey_version, is_sole, node_id, figure, bucket`;

/** The transaction-scoped lock every rollup writer takes, so two never add the same delta twice. */
export async function lockReportRollups(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('report-rollups', 0))`);
}

/**
 * Replaces the contributions of `clientIds` with ones computed from their stored rows now, and moves
 * every counter by the difference: the old contributions are subtracted, the new ones added. Runs in
 * the caller's transaction, under `lockReportRollups`.
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
    sql`with old as (delete from report_contributions where client_id = any(${ids}::uuid[]) returning *)
      insert into report_counters (${KEY}, n)
      select ${KEY}, -sum(n) from old group by ${KEY}
      on conflict (${KEY}) do update set n = report_counters.n + excluded.n`,
  );
  await selectRows(
    tx,
    sql`with fresh as (
        insert into report_contributions (client_id, ${KEY}, n)
        select client_id, ${KEY}, n from (${getClientContributionsQuery(clientIds, taxonomy, taxonomyVersion)}) q
        returning *
      )
      insert into report_counters (${KEY}, n)
      select ${KEY}, sum(n) from fresh group by ${KEY}
      on conflict (${KEY}) do update set n = report_counters.n + excluded.n`,
  );
}
