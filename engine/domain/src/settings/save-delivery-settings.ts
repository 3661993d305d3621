import { sql } from 'drizzle-orm';
import { DeliveryPolicy } from '@touchpoint/language';
import type { Database } from '@touchpoint/db';
import { recordAuditEntry } from '../audit/record-audit-entry';
import { deliverySettings } from '@touchpoint/db';
import { loadDeliverySettings, type StoredDeliverySettings } from './load-delivery-settings';

export interface SaveDeliverySettingsInput {
  policy: DeliveryPolicy;
  /** Who saves (the API key's name), for the version row and the audit entry. */
  actor: string;
  /** The version the editor started from; a save over a newer one is refused (`stale`). */
  baseVersion?: number;
  /** What answers as version 1 when nothing was saved (the audit entry's `before`). */
  builtIn: DeliveryPolicy;
}

export type SaveDeliverySettingsResult =
  | { status: 'saved'; settings: StoredDeliverySettings }
  | { status: 'stale'; current: StoredDeliverySettings };

/**
 * Saves `policy` as the next version, with its audit entry, in one transaction. Saves take one
 * transaction-scoped advisory lock, so two at once get consecutive numbers (never the same one) and
 * `baseVersion` is compared with what is current at that moment: a second editor's save over the
 * first's is refused rather than silently undoing it. Older versions are never updated.
 */
export async function saveDeliverySettings(
  db: Database,
  input: SaveDeliverySettingsInput,
): Promise<SaveDeliverySettingsResult> {
  const policy = DeliveryPolicy.parse(input.policy);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('delivery-settings', 0))`);
    const current = await loadDeliverySettings(tx, input.builtIn);
    if (input.baseVersion !== undefined && input.baseVersion !== current.version)
      return { status: 'stale', current };
    const [row] = await tx
      .insert(deliverySettings)
      .values({ version: current.version + 1, policy, savedBy: input.actor })
      .returning();
    if (!row) throw new Error('saveDeliverySettings: no row returned');
    await recordAuditEntry(tx, {
      action: 'delivery-settings.saved',
      actor: input.actor,
      subject: `delivery settings version ${row.version}`,
      before: { version: current.version, policy: current.policy },
      after: { version: row.version, policy },
    });
    return {
      status: 'saved',
      settings: { version: row.version, policy, savedAt: row.createdAt, savedBy: row.savedBy },
    };
  });
}
