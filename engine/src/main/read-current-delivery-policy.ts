import { loadDeliverySettings } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { DeliveryPolicy } from '@touchpoint/language';

/**
 * The send activities' policy source: the current saved version, read before each send decision
 * (`builtIn` until one is saved). Deliberately no cache: the read is one primary-key row, small
 * next to the send's other queries, and it makes a saved change apply to the very next decision
 * on every worker, with no staleness window to document or wait out.
 */
export function readCurrentDeliveryPolicy(
  db: Database,
  builtIn: DeliveryPolicy,
): () => Promise<DeliveryPolicy> {
  return async () => (await loadDeliverySettings(db, builtIn)).policy;
}
