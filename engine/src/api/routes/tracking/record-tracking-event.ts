import { createHash } from 'node:crypto';
import type { Database, MessageRow } from '@touchpoint/db';
import { clients, eq, INTERNAL_EVENT_KEY_PREFIXES, sql, storeEvents } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { EventRouter } from '../../../router';
import { routeInBackground } from '../route-deps';
import type { TrackingAction } from './tracking-token';

/** Event type per tracking action, prefixed with the channel: `email.opened`, `email.clicked`… */
const EVENT_SUFFIX = {
  open: 'opened',
  click: 'clicked',
  unsubscribe: 'unsubscribed',
} as const satisfies Record<TrackingAction, string>;

/**
 * Stores the hit as a client event through the ingestion path and routes it, so a `waitForEvent`
 * scoped to the message (it carries `messageId` and `nodeId`) sees it. Keyed per message, action and
 * link: a second open of the same mail is one event, a click on another link is a new one.
 */
export async function recordTrackingEvent(
  deps: { db: Database; router: EventRouter | null; log: FastifyBaseLogger },
  hit: { message: MessageRow; clientExternalId: string; action: TrackingAction; url?: string | undefined },
  at: Date,
): Promise<void> {
  const linkKey = hit.url ? `:${createHash('sha256').update(hit.url).digest('hex').slice(0, 16)}` : '';
  const [stored] = await deps.db.transaction((tx) =>
    storeEvents(tx, [
      {
        idempotencyKey: `${INTERNAL_EVENT_KEY_PREFIXES.tracking}${hit.action}:${hit.message.id}${linkKey}`,
        clientExternalId: hit.clientExternalId,
        type: `${hit.message.channel}.${EVENT_SUFFIX[hit.action]}`,
        occurredAt: at,
        properties: {
          ...(hit.url ? { url: hit.url } : {}),
          ...(hit.message.journeyId ? { journeyId: hit.message.journeyId } : {}),
        },
        source: 'tracking',
        messageId: hit.message.id,
        nodeId: hit.message.nodeId,
      },
    ]),
  );
  if (stored?.isNew) routeInBackground(deps.router, [stored.eventId], deps.log);
}

/** Withdraws the client's consent for the message's channel, effective for the very next send. */
export async function denyConsent(db: Database, message: MessageRow, at: Date): Promise<void> {
  const entry = {
    [message.channel]: { status: 'denied', updatedAt: at.toISOString(), source: 'unsubscribe-link' },
  };
  await db
    .update(clients)
    .set({ consent: sql`${clients.consent} || ${JSON.stringify(entry)}::jsonb`, updatedAt: at })
    .where(eq(clients.id, message.clientId));
}
