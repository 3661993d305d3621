import { desc } from 'drizzle-orm';
import { DeliveryPolicy } from '@touchpoint/language';
import type { Executor } from '@touchpoint/db';
import { deliverySettings } from '@touchpoint/db';

/** One version of the delivery settings. `savedAt`/`savedBy` are null for the built-in version 1. */
export interface StoredDeliverySettings {
  version: number;
  policy: DeliveryPolicy;
  savedAt: Date | null;
  savedBy: string | null;
}

/** The number the built-in policy answers as; saved versions count on from it. */
export const BUILT_IN_DELIVERY_VERSION = 1;

/**
 * The current delivery settings: the highest saved version, or `builtIn` as version 1 when none was
 * saved. One indexed single-row read (the primary key's last entry), cheap enough to run before
 * every send decision.
 */
export async function loadDeliverySettings(
  db: Executor,
  builtIn: DeliveryPolicy,
): Promise<StoredDeliverySettings> {
  const [row] = await db.select().from(deliverySettings).orderBy(desc(deliverySettings.version)).limit(1);
  if (!row) return { version: BUILT_IN_DELIVERY_VERSION, policy: builtIn, savedAt: null, savedBy: null };
  return {
    version: row.version,
    policy: DeliveryPolicy.parse(row.policy),
    savedAt: row.createdAt,
    savedBy: row.savedBy,
  };
}
