import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@touchpoint/db';
import { selectRows } from '../select-rows';
import { drainReportRollups } from './refresh-report-rollups';

/** How current the rollups are: the answer every rollup-served report carries. */
export interface RollupFreshness {
  /** Clients with stored changes not yet in the counters (counted up to the catch-up limit + 1). */
  pendingClients: number;
  /** When the oldest of them was marked (null: none pending). */
  oldestPendingAt: string | null;
  /** The taxonomy version the rollups are kept for. */
  taxonomyVersion: number;
  /** Taxonomy figures of `taxonomyVersion` are complete (false while a rebuild runs). */
  isReady: boolean;
  /** Taxonomy-free figures have been built for every client. */
  isBaseReady: boolean;
}

/** A read folds in at most this many pending clients before answering (docs/metrics.md, "Rollups"). */
export const CATCH_UP_LIMIT = 2_000;

export async function readRollupFreshness(db: Executor, limit = CATCH_UP_LIMIT): Promise<RollupFreshness> {
  const [row] = await selectRows<{
    pending: number;
    oldest: Date | string | null;
    taxonomy_version: number;
    is_ready: boolean;
    is_base_ready: boolean;
  }>(
    db,
    sql`select (select count(*)::int from (select 1 from rollup_dirty_clients limit ${limit + 1}) p) as pending,
        (select min(marked_at) from rollup_dirty_clients) as oldest,
        s.taxonomy_version, s.is_ready, s.is_base_ready
      from report_rollup_state s where s.id = 1`,
  );
  if (!row) throw new Error('report_rollup_state has no row: run the migrations');
  return {
    pendingClients: row.pending,
    oldestPendingAt: row.oldest === null ? null : new Date(row.oldest).toISOString(),
    taxonomyVersion: row.taxonomy_version,
    isReady: row.is_ready,
    isBaseReady: row.is_base_ready,
  };
}

/**
 * Before a report reads the counters: when few clients are pending (≤ `limit`), fold them in now, so
 * a quiet system answers with no staleness at all; a larger backlog (a burst, a rebuild) is left to
 * the background refresher and the answer says how far behind it is.
 */
export async function catchUpReportRollups(
  db: Database,
  limit = CATCH_UP_LIMIT,
): Promise<RollupFreshness & { catchUpError?: unknown }> {
  const before = await readRollupFreshness(db, limit);
  if (before.pendingClients === 0 || before.pendingClients > limit) return before;
  try {
    await drainReportRollups(db, { batch: limit, maxPasses: 3, isRebuilding: false });
  } catch (error) {
    // A refresh that fails must not take the reports down with it: they answer from raw rows.
    return { ...(await readRollupFreshness(db, limit)), catchUpError: error };
  }
  return readRollupFreshness(db, limit);
}
