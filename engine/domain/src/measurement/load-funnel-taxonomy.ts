import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { DEFAULT_FUNNEL_TAXONOMY, FunnelTaxonomy } from '@touchpoint/language';
import { funnelTaxonomies } from '@touchpoint/db';

/** A saved taxonomy with its version number. */
export interface StoredFunnelTaxonomy {
  version: number;
  actions: FunnelTaxonomy;
  createdAt: Date | null;
}

/**
 * The taxonomy of `version`, or the current (highest) one; null when that version was never saved.
 * Without any row (a database migrated before the seed) the defaults answer as version 1.
 */
export async function loadFunnelTaxonomy(
  db: Executor,
  version?: number,
): Promise<StoredFunnelTaxonomy | null> {
  const [row] = await db
    .select()
    .from(funnelTaxonomies)
    .where(version === undefined ? undefined : eq(funnelTaxonomies.version, version))
    .orderBy(desc(funnelTaxonomies.version))
    .limit(1);
  return toStoredFunnelTaxonomy(row, version);
}

/** A taxonomy row's meaning (see `loadFunnelTaxonomy`): without a row, the defaults answer as version 1. */
export function toStoredFunnelTaxonomy(
  row: { version: number; actions: unknown; createdAt: Date | null } | undefined,
  version?: number,
): StoredFunnelTaxonomy | null {
  if (row)
    return { version: row.version, actions: FunnelTaxonomy.parse(row.actions), createdAt: row.createdAt };
  if (version === undefined || version === 1)
    return { version: 1, actions: DEFAULT_FUNNEL_TAXONOMY, createdAt: null };
  return null;
}
