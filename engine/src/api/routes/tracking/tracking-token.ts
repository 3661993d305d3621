import { verifyTrackingToken } from '@touchpoint/channels';
import type { TrackingPayload } from '@touchpoint/channels';
import { findTrackedMessage, type TrackedMessage } from '@touchpoint/domain';
import type { Database, MessageRow } from '@touchpoint/db';
import { ApiError } from '../../api-error';

/**
 * How long open and click links answer, counted from the message's send. Long by default: a client
 * opening last year's mail is still worth counting, but a link must not be a key for ever.
 */
export const DEFAULT_TRACKING_LINK_DAYS = 365;

/** The tracking actions, each served under its own path letter. */
export type TrackingAction = TrackingPayload['action'];

/**
 * Verifies a token for the route it arrived on and names what is wrong: malformed, forged (bad
 * signature), or a valid token for another action (an open token pasted into the click route).
 */
export function readTrackingToken(
  token: string,
  secret: string | undefined,
  action: TrackingAction,
): TrackingPayload {
  if (secret === undefined) {
    throw new ApiError('unavailable', 'tracking is not configured on this server (no tracking secret)');
  }
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    throw new ApiError('validation_failed', 'params.token: malformed tracking token');
  }
  const payload = verifyTrackingToken(token, secret);
  if (payload === null) {
    throw new ApiError('validation_failed', 'params.token: the signature does not match (forged or altered)');
  }
  if (payload.action !== action) {
    throw new ApiError('validation_failed', `params.token: a ${payload.action} token used as ${action}`);
  }
  if (action === 'click' && payload.url === undefined) {
    throw new ApiError('validation_failed', 'params.token: a click token without a target URL');
  }
  return payload;
}

/** The outbox row a token names (tokens carry the outbox key) and its client's external id, or a 404. */
export async function loadTrackedMessage(db: Database, payload: TrackingPayload): Promise<TrackedMessage> {
  const tracked = await findTrackedMessage(db, payload.messageId);
  if (tracked === null) throw new ApiError('not_found', 'params.token: the message it names does not exist');
  return tracked;
}

/**
 * Refuses an open or click link older than `lifetimeDays` with a 410, recording nothing. Unsubscribe
 * links are never passed here: they never expire, because the law wants an unsubscribe to work for
 * as long as the mail can be read (GDPR: consent can be withdrawn at any time; CAN-SPAM: at least 30
 * days), and an old one can only ever stop mail, never send any.
 */
export function assertTrackingLinkLive(message: MessageRow, lifetimeDays: number, now: Date): void {
  const issuedAt = message.sentAt ?? message.createdAt;
  const expiresAt = new Date(issuedAt.getTime() + lifetimeDays * 86_400_000);
  if (now.getTime() > expiresAt.getTime()) {
    throw new ApiError(
      'gone',
      `params.token: this tracking link expired on ${expiresAt.toISOString()} (links last ${lifetimeDays} days)`,
    );
  }
}
