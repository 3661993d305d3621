import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { selectRows } from './select-rows';

/** A family of maintained counters: the counters, each client's packed share of them, and their key. */
export interface CounterTables {
  counters: 'report_counters' | 'uplift_counters';
  contributions: 'report_client_contributions' | 'uplift_client_contributions';
  /** The counter's key columns, in the order `fresh` selects them. */
  key: SQL;
}

/**
 * Replaces what `clientIds` contribute to a family of counters with `fresh` (rows of the key columns,
 * `client_id` and `n`, computed from their stored rows now), moving every counter by the difference:
 * the old contributions are subtracted, then the new sums upserted, and the ids that upsert returns
 * are what each client's packed row records. Two statements, each set-based over the whole client
 * set, in the caller's transaction (under the rollup lock, so no delta is added twice).
 */
export async function replaceContributions(
  tx: Executor,
  tables: CounterTables,
  clientIds: string[],
  fresh: SQL,
): Promise<void> {
  const counters = sql.identifier(tables.counters);
  const contributions = sql.identifier(tables.contributions);
  const { key } = tables;
  await selectRows(
    tx,
    sql`with old as (
        delete from ${contributions} where client_id = any(${`{${clientIds.join(',')}}`}::uuid[])
        returning counter_ids, ns
      ),
      delta as (
        select u.id, sum(u.n) as n from old cross join lateral unnest(old.counter_ids, old.ns) as u(id, n)
        group by u.id
      )
      update ${counters} c set n = c.n - delta.n from delta where c.id = delta.id`,
  );
  await selectRows(
    tx,
    sql`with fresh as (${fresh}),
      summed as (
        insert into ${counters} (${key}, n)
        select ${key}, sum(n) from fresh group by ${key}
        on conflict (${key}) do update set n = ${counters}.n + excluded.n
        returning id, ${key}
      )
      insert into ${contributions} (client_id, counter_ids, ns)
      select f.client_id, array_agg(s.id), array_agg(f.n)
      from fresh f join summed s using (${key})
      group by f.client_id`,
  );
}
