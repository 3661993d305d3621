import { sql } from 'drizzle-orm';
import type { Executor } from '../../database';
import type { FunnelTaxonomy } from '../../funnel/funnel-taxonomy';
import { selectRows } from '../select-rows';
import { getUpliftContributionsQuery } from './get-uplift-contributions-query';

const KEY = sql`journey_id, taxonomy_version, journey_version, node_id, stratum, is_control, figure`;

/**
 * Replaces the uplift contributions of `clientIds` with ones computed from their stored rows now and
 * moves every uplift counter by the difference, the way `recomputeClientRollups` does for the reports
 * (which calls this in the same transaction, under the same lock): old contributions subtracted, new
 * sums upserted, the ids the upsert returns packed into each client's row.
 */
export async function recomputeClientUpliftRollups(
  tx: Executor,
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): Promise<void> {
  if (clientIds.length === 0) return;
  await selectRows(
    tx,
    sql`with old as (
        delete from uplift_client_contributions where client_id = any(${`{${clientIds.join(',')}}`}::uuid[])
        returning counter_ids, ns
      ),
      delta as (
        select u.id, sum(u.n) as n from old cross join lateral unnest(old.counter_ids, old.ns) as u(id, n)
        group by u.id
      )
      update uplift_counters c set n = c.n - delta.n from delta where c.id = delta.id`,
  );
  await selectRows(
    tx,
    sql`with fresh as (${getUpliftContributionsQuery(clientIds, taxonomy, taxonomyVersion)}),
      summed as (
        insert into uplift_counters (${KEY}, n)
        select ${KEY}, sum(n) from fresh group by ${KEY}
        on conflict (${KEY}) do update set n = uplift_counters.n + excluded.n
        returning id, ${KEY}
      )
      insert into uplift_client_contributions (client_id, counter_ids, ns)
      select f.client_id, array_agg(s.id), array_agg(f.n)
      from fresh f join summed s using (${KEY})
      group by f.client_id`,
  );
}
