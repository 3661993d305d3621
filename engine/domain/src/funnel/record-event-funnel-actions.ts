import { and, desc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { isCallOutcomeEventKey } from '../ingest/internal-event-keys';
import { funnelActions } from '@touchpoint/db';
import { messages } from '@touchpoint/db';
import { loadFunnelTaxonomy, type StoredFunnelTaxonomy } from '../measurement/load-funnel-taxonomy';
import { funnelRuleForEvent } from '@touchpoint/language';
import type { FunnelActionRule } from '@touchpoint/language';

const DAY_MS = 86_400_000;

/** A stored client event that may be a funnel step. */
export interface FunnelEventCandidate {
  eventId: number;
  clientId: string;
  type: string;
  occurredAt: Date;
  /** The message the event says it belongs to (a tracking hit, a CRM echoing our message id). */
  messageId?: string | null;
  /** The event's idempotency key: a call outcome's (`call:<task id>`) is also its action's key. */
  idempotencyKey?: string;
}

/**
 * The message that claims an action: the one the event names (if it went to this client), else the
 * client's last message sent at or before the action and within the action's window (last touch).
 */
async function findClaimingMessage(db: Executor, event: FunnelEventCandidate, rule: FunnelActionRule) {
  const columns = {
    id: messages.id,
    enrollmentId: messages.enrollmentId,
    journeyId: messages.journeyId,
    journeyVersion: messages.journeyVersion,
    nodeId: messages.nodeId,
  };
  if (event.messageId) {
    const [named] = await db
      .select(columns)
      .from(messages)
      .where(and(eq(messages.id, event.messageId), eq(messages.clientId, event.clientId)));
    if (named) return named;
  }
  const [last] = await db
    .select(columns)
    .from(messages)
    .where(
      and(
        eq(messages.clientId, event.clientId),
        isNotNull(messages.sentAt),
        lte(messages.sentAt, event.occurredAt),
        gte(messages.sentAt, new Date(event.occurredAt.getTime() - rule.windowDays * DAY_MS)),
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(1);
  return last ?? null;
}

/** The action's key: one action per call task, per tracked message and action, else per event. */
function sourceKeyOf(event: FunnelEventCandidate, action: string, messageId: string | null): string {
  if (event.idempotencyKey !== undefined && isCallOutcomeEventKey(event.idempotencyKey))
    return event.idempotencyKey;
  return event.messageId && messageId === event.messageId
    ? `${action}:${messageId}`
    : `event:${event.eventId}`;
}

/**
 * The taxonomy write-time recording follows: the stored current (highest) version, so an action is
 * named and windowed as the analyst configured it when it was recorded.
 */
export async function loadCurrentFunnelTaxonomy(db: Executor): Promise<StoredFunnelTaxonomy> {
  const current = await loadFunnelTaxonomy(db);
  // Without a version argument loadFunnelTaxonomy always answers (the defaults as version 1).
  if (!current) throw new Error('loadCurrentFunnelTaxonomy: no taxonomy');
  return current;
}

/**
 * Records the funnel action each event of the taxonomy produces, whoever sent the event, attributed
 * to the message that claims it (or to none). Idempotent: keyed `<action>:<messageId>` for an event
 * that names its message, the key tracking hits use, so a tracked open stored as an event too is one
 * action; `call:<task id>` for a call outcome, the key its task records the action by (attributed to
 * the task's journey step), so the outcome is one action; `event:<eventId>` otherwise.
 */
export async function recordEventFunnelActions(
  db: Executor,
  candidates: readonly FunnelEventCandidate[],
  taxonomy?: Pick<StoredFunnelTaxonomy, 'version' | 'actions'>,
): Promise<number> {
  if (candidates.length === 0) return 0;
  const current = taxonomy ?? (await loadCurrentFunnelTaxonomy(db));
  let recorded = 0;
  for (const event of candidates) {
    const rule = funnelRuleForEvent(event.type, current.actions);
    if (!rule) continue;
    const message = await findClaimingMessage(db, event, rule);
    const sourceKey = sourceKeyOf(event, rule.action, message?.id ?? null);
    const inserted = await db
      .insert(funnelActions)
      .values({
        sourceKey,
        type: rule.action,
        clientId: event.clientId,
        occurredAt: event.occurredAt,
        eventId: event.eventId,
        taxonomyVersion: current.version,
        messageId: message?.id ?? null,
        enrollmentId: message?.enrollmentId ?? null,
        journeyId: message?.journeyId ?? null,
        journeyVersion: message?.journeyVersion ?? null,
        nodeId: message?.nodeId ?? null,
      })
      .onConflictDoNothing({ target: funnelActions.sourceKey })
      .returning({ id: funnelActions.id });
    recorded += inserted.length;
  }
  return recorded;
}
