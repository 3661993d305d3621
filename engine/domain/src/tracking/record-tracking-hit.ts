import { createHash } from 'node:crypto';
import type { TrackingPayload } from '@touchpoint/channels';
import { funnelRuleForEvent } from '@touchpoint/language';
import { clients, funnelActions, type Database, type Executor, type MessageRow } from '@touchpoint/db';
import { INTERNAL_EVENT_KEY_PREFIXES } from '../ingest/internal-event-keys';
import { loadCurrentFunnelTaxonomy } from '../funnel/record-event-funnel-actions';
import { storeEvents, type StoredEventOutcome } from '../ingest/store-events';
import { eq, sql } from 'drizzle-orm';
import { isStatusAdvance } from '../outbox/outbox-statuses';
import { recordStatus } from '../outbox/record-status';
import type { TrackedMessage } from './find-tracked-message';

/** What a verified tracking link says happened. */
export type TrackingHit = Pick<TrackingPayload, 'action' | 'url'>;

/** Event type per tracking action, prefixed with the channel: `email.opened`, `email.clicked`… */
const EVENT_SUFFIX = {
  open: 'opened',
  click: 'clicked',
  unsubscribe: 'unsubscribed',
} as const satisfies Record<TrackingHit['action'], string>;

/**
 * Applies one hit on a tracking link, all in one transaction over the message already read:
 * - an open or click moves the row forward (`opened` / `clicked`) and adds the funnel action the current
 *   taxonomy makes of `<channel>.opened` / `<channel>.clicked` (`open` / `click` by default), once per
 *   message and action;
 * - an unsubscribe withdraws the client's consent on the message's channel, for the very next send;
 * - every hit is stored as a client event (the road every event takes), carrying `messageId` and
 *   `nodeId` so a `waitForEvent` scoped to the message sees it. Keyed per message, action and link: a
 *   second open of the same mail is one event, a click on another link a new one.
 * Returns the stored event; the caller routes it when it is new.
 */
export async function recordTrackingHit(
  db: Database,
  tracked: TrackedMessage,
  hit: TrackingHit,
  at: Date,
): Promise<StoredEventOutcome> {
  const { message } = tracked;
  return db.transaction(async (tx) => {
    if (hit.action === 'unsubscribe') await denyConsent(tx, message, at);
    else await recordEngagement(tx, message, hit, at);
    const linkKey = hit.url ? `:${createHash('sha256').update(hit.url).digest('hex').slice(0, 16)}` : '';
    const [stored] = await storeEvents(tx, [
      {
        idempotencyKey: `${INTERNAL_EVENT_KEY_PREFIXES.tracking}${hit.action}:${message.id}${linkKey}`,
        clientExternalId: tracked.clientExternalId,
        type: `${message.channel}.${EVENT_SUFFIX[hit.action]}`,
        occurredAt: at,
        properties: {
          ...(hit.url ? { url: hit.url } : {}),
          ...(message.journeyId ? { journeyId: message.journeyId } : {}),
        },
        source: 'tracking',
        messageId: message.id,
        nodeId: message.nodeId,
      },
    ]);
    return stored!;
  });
}

async function recordEngagement(tx: Executor, message: MessageRow, hit: TrackingHit, at: Date) {
  const status = hit.action === 'open' ? 'opened' : 'clicked';
  if (isStatusAdvance(message.status, status)) {
    await recordStatus(tx, message.id, status, { detail: hit.url ?? hit.action, at });
  }
  const taxonomy = await loadCurrentFunnelTaxonomy(tx);
  const rule = funnelRuleForEvent(`${message.channel}.${status}`, taxonomy.actions);
  if (!rule) return;
  // Keyed `<action>:<message id>` like the event stored next, so the two are one action.
  await tx
    .insert(funnelActions)
    .values({
      sourceKey: `${rule.action}:${message.id}`,
      type: rule.action,
      taxonomyVersion: taxonomy.version,
      clientId: message.clientId,
      occurredAt: at,
      messageId: message.id,
      enrollmentId: message.enrollmentId,
      journeyId: message.journeyId,
      journeyVersion: message.journeyVersion,
      nodeId: message.nodeId,
    })
    .onConflictDoNothing({ target: funnelActions.sourceKey });
}

async function denyConsent(tx: Executor, message: MessageRow, at: Date) {
  const entry = {
    [message.channel]: { status: 'denied', updatedAt: at.toISOString(), source: 'unsubscribe-link' },
  };
  await tx
    .update(clients)
    .set({ consent: sql`${clients.consent} || ${JSON.stringify(entry)}::jsonb`, updatedAt: at })
    .where(eq(clients.id, message.clientId));
}
