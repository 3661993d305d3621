import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { replaceContributions } from '../replace-contributions';
import { recomputeClientUpliftRollups } from '../uplift/recompute-client-uplift-rollups';
import { getClientContributionsQuery } from './get-client-contributions-query';

const KEY = sql`journey_id, day, taxonomy_version, attribution, journey_version, is_sole, node_id, figure, bucket`;

/** The transaction-scoped lock every rollup writer takes, so two never add the same delta twice. */
export async function lockReportRollups(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('report-rollups', 0))`);
}

/**
 * Replaces the contributions of `clientIds` with ones computed from their stored rows now, and moves
 * every counter by the difference (`replaceContributions`), in the caller's transaction under
 * `lockReportRollups`. The uplift's counters follow the same clients in the same transaction
 * (`recomputeClientUpliftRollups`), so every road that refreshes the reports (the refresher, a
 * read's catch-up, a rebuild) refreshes the uplift too.
 */
export async function recomputeClientRollups(
  tx: Executor,
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): Promise<void> {
  if (clientIds.length === 0) return;
  // The planner guesses a few thousand fresh rows (it cannot see through the CTEs) and would sort
  // ~90 per client on eight text columns for a merge join back to the upserted ids; hashing them is
  // a fraction of that (measured: 2.2 s of 9.4 s for 2,000 clients). Transaction-scoped.
  await tx.execute(sql`set local enable_mergejoin = off`);
  // ~270 rows per client (all-time and day rows): at 5,000 clients the sorts spilled to disk at the
  // default work_mem, and the planner's low row guesses still cost enough to JIT-compile ~550
  // functions per statement. Both measured on the report bench; transaction-scoped.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`set local jit = off`);
  await replaceContributions(
    tx,
    { counters: 'report_counters', contributions: 'report_client_contributions', key: KEY },
    clientIds,
    getClientContributionsQuery(clientIds, taxonomy, taxonomyVersion),
  );
  await recomputeClientUpliftRollups(tx, clientIds, taxonomy, taxonomyVersion);
}
