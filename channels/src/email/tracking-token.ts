import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a tracking link records when it is hit. */
export const TRACKING_ACTIONS = ['open', 'click', 'unsubscribe'] as const;

/**
 * The signed content of a tracking token: which message, which action and, for clicks, where to
 * redirect. Signing stops anyone from forging opens/clicks or turning the redirect into an open one.
 */
export const TrackingPayload = z.object({
  messageId: z.string().min(1),
  action: z.enum(TRACKING_ACTIONS),
  url: z.url().optional(),
});
export type TrackingPayload = z.infer<typeof TrackingPayload>;

/** `base64url(json).base64url(hmac-sha256)`: URL-safe, self-contained, verifiable without a lookup. */
export function signTrackingToken(payload: TrackingPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** The payload when the token is intact and signed with `secret`, otherwise null. */
export function verifyTrackingToken(token: string, secret: string): TrackingPayload | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = TrackingPayload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
