import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { FunnelTaxonomy } from '@touchpoint/language';
import { funnelTaxonomies } from '@touchpoint/db';
import type { StoredFunnelTaxonomy } from './load-funnel-taxonomy';

/**
 * Saves `actions` as the next taxonomy version (never updating an older one: a report may still be
 * asked for with it). The version is taken in the insert itself; two concurrent saves collide on the
 * primary key and one fails rather than both getting the same number.
 */
export async function saveFunnelTaxonomy(
  db: Executor,
  actions: FunnelTaxonomy,
): Promise<StoredFunnelTaxonomy> {
  const parsed = FunnelTaxonomy.parse(actions);
  const [row] = await db
    .insert(funnelTaxonomies)
    .values({
      version: sql`(select coalesce(max(${funnelTaxonomies.version}), 0) + 1 from ${funnelTaxonomies})`,
      actions: parsed,
    })
    .returning();
  if (!row) throw new Error('saveFunnelTaxonomy: no row returned');
  return { version: row.version, actions: parsed, createdAt: row.createdAt };
}
