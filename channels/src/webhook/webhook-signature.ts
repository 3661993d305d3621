import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-touchpoint-signature';

/** Signs a body with a timestamp, so receivers can reject replays older than their tolerance. */
export function signWebhookBody(body: string, secret: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, `${timestamp}.${body}`)}`;
}

/** Receiver side: true when the signature matches and is no older than `toleranceSeconds`. */
export function verifyWebhookSignature(
  body: string,
  header: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  const age = (options.now ?? new Date()).getTime() / 1000 - timestamp;
  if (Math.abs(age) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(digest(secret, `${timestamp}.${body}`));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function digest(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}
