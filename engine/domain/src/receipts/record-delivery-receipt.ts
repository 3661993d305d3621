import type { DeliveryReceipt } from '@touchpoint/channels';
import { messages, type Database, type MessageStatus } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { isStatusAdvance } from '../outbox/outbox-statuses';
import { recordStatus } from '../outbox/record-status';

/**
 * Applies a provider delivery receipt to the outbox row with that provider id: `delivered`, or
 * `bounced` for a permanent failure (which flags the address for the next send), `failed` otherwise.
 * Returns false when no row matches (a receipt for a message this system did not send).
 */
export async function recordDeliveryReceipt(db: Database, receipt: DeliveryReceipt): Promise<boolean> {
  const [row] = await db.select().from(messages).where(eq(messages.providerMessageId, receipt.providerId));
  if (!row) return false;
  if (receipt.state === 'pending') return true;
  const status: MessageStatus =
    receipt.state === 'delivered' ? 'delivered' : receipt.permanent ? 'bounced' : 'failed';
  // A failure is always written (it is news even after a delivery); anything else only moves forward.
  if (status !== 'failed' && !isStatusAdvance(row.status, status)) return true;
  await recordStatus(db, row.id, status, { detail: `${receipt.provider} receipt: ${receipt.detail}` });
  return true;
}
