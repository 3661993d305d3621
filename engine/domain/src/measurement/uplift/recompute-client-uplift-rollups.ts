import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { replaceContributions } from '../replace-contributions';
import { getUpliftContributionsQuery } from './get-uplift-contributions-query';

const KEY = sql`journey_id, taxonomy_version, journey_version, node_id, stratum, is_control, figure`;

/**
 * Replaces the uplift contributions of `clientIds` with ones computed from their stored rows now and
 * moves every uplift counter by the difference (`replaceContributions`), as `recomputeClientRollups`
 * does for the reports, which calls this in the same transaction, under the same lock.
 */
export async function recomputeClientUpliftRollups(
  tx: Executor,
  clientIds: string[],
  taxonomy: FunnelTaxonomy,
  taxonomyVersion: number,
): Promise<void> {
  if (clientIds.length === 0) return;
  await replaceContributions(
    tx,
    { counters: 'uplift_counters', contributions: 'uplift_client_contributions', key: KEY },
    clientIds,
    getUpliftContributionsQuery(clientIds, taxonomy, taxonomyVersion),
  );
}
