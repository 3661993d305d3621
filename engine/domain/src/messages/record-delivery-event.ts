import type { DeliveryReceipt, TrackingPayload } from '@touchpoint/channels';
import {
  funnelActions,
  funnelRuleForEvent,
  loadCurrentFunnelTaxonomy,
  messages,
  type Database,
  type MessageStatus,
} from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { recordStatus } from '../outbox/outbox';

// Later states win; a late "delivered" receipt must not pull an opened message back.
const RANK: Partial<Record<MessageStatus, number>> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  clicked: 4,
  bounced: 5,
};

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
  if ((RANK[status] ?? 0) <= (RANK[row.status] ?? 0) && status !== 'failed') return true;
  await recordStatus(db, row.id, status, { detail: `${receipt.provider} receipt: ${receipt.detail}` });
  return true;
}

/**
 * Applies a verified open / click token: the row moves to `opened` / `clicked` and the funnel gets
 * the action the current taxonomy makes of `<channel>.opened` / `<channel>.clicked` (`open` / `click`
 * by default), once per message and action: keyed `<action>:<message id>` like the event the tracking
 * route stores next, so the two are one action. Unsubscribe tokens are the API's to
 * turn into a consent change; they are not funnel steps.
 */
export async function recordTrackingHit(
  db: Database,
  hit: TrackingPayload,
  at: Date = new Date(),
): Promise<boolean> {
  if (hit.action === 'unsubscribe') return false;
  const outboxKey = hit.messageId;
  const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, outboxKey));
  if (!row) return false;
  const status: MessageStatus = hit.action === 'open' ? 'opened' : 'clicked';
  if ((RANK[status] ?? 0) > (RANK[row.status] ?? 0)) {
    await recordStatus(db, row.id, status, { detail: hit.url ?? hit.action, at });
  }
  const taxonomy = await loadCurrentFunnelTaxonomy(db);
  const rule = funnelRuleForEvent(`${row.channel}.${status}`, taxonomy.actions);
  if (!rule) return true;
  await db
    .insert(funnelActions)
    .values({
      sourceKey: `${rule.action}:${row.id}`,
      type: rule.action,
      taxonomyVersion: taxonomy.version,
      clientId: row.clientId,
      occurredAt: at,
      messageId: row.id,
      enrollmentId: row.enrollmentId,
      journeyId: row.journeyId,
      journeyVersion: row.journeyVersion,
      nodeId: row.nodeId,
    })
    .onConflictDoNothing({ target: funnelActions.sourceKey });
  return true;
}
