import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Where a message stands according to the provider's delivery receipt. */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

/**
 * A provider delivery receipt, normalised. `permanent` marks failures that say the number is
 * bad (the contact point gets flagged), as opposed to a phone that was off for a while.
 */
export const DeliveryReceipt = z.object({
  provider: z.enum(['twilio', 'smsru']),
  providerId: z.string().min(1),
  state: z.enum(DELIVERY_STATES),
  permanent: z.boolean(),
  detail: z.string(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type DeliveryReceipt = z.infer<typeof DeliveryReceipt>;

// Twilio delivery error codes that mean the number itself is unusable.
const TWILIO_PERMANENT_DELIVERY_ERRORS = new Set(['30003', '30005', '30006', '30007', '21610']);

/** A Twilio StatusCallback (form fields `MessageSid`, `MessageStatus`, `ErrorCode`). */
export function parseTwilioStatusCallback(form: Record<string, string>): DeliveryReceipt {
  const providerId = form.MessageSid ?? form.SmsSid;
  if (!providerId) throw new Error('twilio status callback: MessageSid is missing');
  const status = form.MessageStatus ?? form.SmsStatus ?? '';
  const errorCode = form.ErrorCode ?? '';
  const state =
    status === 'delivered' || status === 'read'
      ? 'delivered'
      : status === 'failed' || status === 'undelivered'
        ? 'failed'
        : 'pending';
  return {
    provider: 'twilio',
    providerId,
    state,
    permanent: state === 'failed' && TWILIO_PERMANENT_DELIVERY_ERRORS.has(errorCode),
    detail: errorCode ? `${status} (${errorCode})` : status,
  };
}

/** `X-Twilio-Signature`: base64 HMAC-SHA1 of the URL followed by every parameter name and value, sorted by name. */
export function signTwilioCallback(authToken: string, url: string, form: Record<string, string>): string {
  const data =
    url +
    Object.keys(form)
      .sort()
      .map((key) => key + form[key])
      .join('');
  return createHmac('sha1', authToken).update(data).digest('base64');
}

/**
 * Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1 over the full callback URL followed by every
 * POST parameter name and value, sorted by name.
 */
export function isValidTwilioSignature(
  authToken: string,
  url: string,
  form: Record<string, string>,
  signature: string,
) {
  const expected = Buffer.from(signTwilioCallback(authToken, url, form));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// https://sms.ru/api/status codes: 100-102 on the way, 103 delivered, 110 read, the rest failed.
const SMSRU_DELIVERED = new Set([103, 110]);
const SMSRU_PENDING = new Set([100, 101, 102]);
const SMSRU_PERMANENT = new Set([106, 108, 150]);

/**
 * An SMS.ru callback: form fields `data[N]` each holding `sms_status\n<sms_id>\n<code>\n<unix time>`
 * (other record kinds, such as `callcheck_status`, are ignored). The endpoint must answer `100`.
 */
export function parseSmsRuCallback(form: Record<string, string>): DeliveryReceipt[] {
  return Object.entries(form)
    .filter(([key]) => /^data\[\d*\]$/.test(key))
    .map(([, value]) => value.split('\n'))
    .filter((lines) => lines[0] === 'sms_status' && lines.length >= 3)
    .map(([, smsId, codeText, time]) => {
      const code = Number(codeText);
      const state = SMSRU_DELIVERED.has(code) ? 'delivered' : SMSRU_PENDING.has(code) ? 'pending' : 'failed';
      const seconds = Number(time);
      return {
        provider: 'smsru' as const,
        providerId: smsId!,
        state,
        permanent: state === 'failed' && SMSRU_PERMANENT.has(code),
        detail: `status ${code}`,
        ...(Number.isFinite(seconds) && seconds > 0
          ? { occurredAt: new Date(seconds * 1000).toISOString() }
          : {}),
      };
    });
}
