import { sql } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { FunnelTaxonomy } from '@touchpoint/language';
import { loadFunnelTaxonomy } from '../load-funnel-taxonomy';
import { selectRows } from '../select-rows';
import { lockReportRollups, recomputeClientRollups } from './recompute-client-rollups';

/** What one refresh pass did. */
export interface RollupPass {
  /** Dirty clients recomputed. */
  refreshed: number;
  /** Clients recomputed by the rebuild walking every client (a new taxonomy, a first build). */
  rebuilt: number;
  /** True once the rebuild (if any) has reached the last client. */
  isRebuildDone: boolean;
}

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

async function loadRollupTaxonomy(db: Parameters<typeof lockReportRollups>[0]) {
  const [state] = await selectRows<{ taxonomy_version: number; rebuild_after: string | null }>(
    db,
    sql`select taxonomy_version, rebuild_after from report_rollup_state where id = 1`,
  );
  if (!state) throw new Error('report_rollup_state has no row: run the migrations');
  const taxonomy = await loadFunnelTaxonomy(db as Database, state.taxonomy_version);
  return {
    version: state.taxonomy_version,
    actions: FunnelTaxonomy.parse(taxonomy?.actions),
    rebuildAfter: state.rebuild_after,
  };
}

/**
 * One pass of the rollup refresher, in one transaction under the rollup lock: claims up to `batch`
 * dirty clients (oldest marks first) and recomputes them; then, when a rebuild is running, recomputes
 * the next `batch` clients by id and moves its cursor, marking the rollups ready at the end. A write
 * that lands while the pass runs marks its client again, so it is recomputed by the next pass.
 */
export async function refreshReportRollups(
  db: Database,
  batch = 2_000,
  { isRebuilding = true } = {},
): Promise<RollupPass> {
  return db.transaction(async (tx) => {
    await lockReportRollups(tx);
    const taxonomy = await loadRollupTaxonomy(tx);
    const claimed = await selectRows<{ client_id: string }>(
      tx,
      sql`delete from rollup_dirty_clients where client_id in (
          select client_id from rollup_dirty_clients order by marked_at limit ${batch} for update skip locked
        ) returning client_id`,
    );
    const dirty = claimed.map((row) => row.client_id);
    await recomputeClientRollups(tx, dirty, taxonomy.actions, taxonomy.version);
    if (taxonomy.rebuildAfter === null || !isRebuilding)
      return { refreshed: dirty.length, rebuilt: 0, isRebuildDone: taxonomy.rebuildAfter === null };
    const next = await selectRows<{ id: string }>(
      tx,
      sql`select id from clients where id > ${taxonomy.rebuildAfter ?? FIRST_UUID}::uuid order by id limit ${batch}`,
    );
    const ids = next.map((row) => row.id);
    await recomputeClientRollups(tx, ids, taxonomy.actions, taxonomy.version);
    const isRebuildDone = ids.length < batch;
    await tx.execute(
      isRebuildDone
        ? sql`update report_rollup_state set rebuild_after = null, is_ready = true, is_base_ready = true,
            updated_at = now() where id = 1 and taxonomy_version = ${taxonomy.version}`
        : sql`update report_rollup_state set rebuild_after = ${ids.at(-1)!}::uuid, updated_at = now()
            where id = 1 and taxonomy_version = ${taxonomy.version}`,
    );
    return { refreshed: dirty.length, rebuilt: ids.length, isRebuildDone };
  });
}

/** Refresh passes until nothing is dirty and no rebuild runs (or `maxPasses`); returns the total. */
export async function drainReportRollups(
  db: Database,
  { batch = 2_000, maxPasses = Infinity, isRebuilding = true } = {},
) {
  const total = { refreshed: 0, rebuilt: 0 };
  for (let pass = 0; pass < maxPasses; pass++) {
    const done = await refreshReportRollups(db, batch, { isRebuilding });
    total.refreshed += done.refreshed;
    total.rebuilt += done.rebuilt;
    if (done.refreshed === 0 && (done.isRebuildDone || !isRebuilding)) break;
  }
  return total;
}
