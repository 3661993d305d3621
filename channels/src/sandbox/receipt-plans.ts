import { signTwilioCallback } from '../sms/delivery-receipt';
import type { SandboxDeliveryOutcome } from './sandbox-verdict';
import type { SandboxSms } from './sandbox-types';

/** One delivery receipt the sandbox is about to POST, in the provider's own format. */
export interface PlannedReceipt {
  url: string;
  /** The provider's status: Twilio's `MessageStatus` word, SMS.ru's numeric code. */
  status: string;
  form: Record<string, string>;
  headers: Record<string, string>;
  /** The body the receiver must answer with (SMS.ru: `100`); null when any 2xx will do. */
  expectedBody: string | null;
}

/** What the Twilio receipts need beyond the message: where to post and what to sign with. */
export interface TwilioReceiptTarget {
  /** The `StatusCallback` of the send request, exactly as given: the signature covers it. */
  url: string;
  accountSid: string;
  authToken: string;
}

/**
 * Twilio's final status for each outcome. The handset-off case is reported as 30008 rather than
 * 30003: the receiver treats 30003 as a dead number, and a switched-off phone is not one.
 */
function twilioFinal(outcome: SandboxDeliveryOutcome): { MessageStatus: string; ErrorCode?: string } {
  switch (outcome) {
    case 'delivered':
      return { MessageStatus: 'delivered' };
    case 'unreachable':
      return { MessageStatus: 'undelivered', ErrorCode: '30008' };
    case 'unknownNumber':
      return { MessageStatus: 'undelivered', ErrorCode: '30005' };
    default: {
      const unknown: never = outcome;
      throw new Error(`sms sandbox: unknown delivery outcome ${String(unknown)}`);
    }
  }
}

/** `sent`, then `delivered` or `undelivered` with an error code: the StatusCallback posts Twilio makes. */
export function planTwilioReceipts(
  sms: SandboxSms,
  outcome: SandboxDeliveryOutcome,
  target: TwilioReceiptTarget,
): PlannedReceipt[] {
  const common: Record<string, string> = {
    MessageSid: sms.providerId,
    SmsSid: sms.providerId,
    AccountSid: target.accountSid,
    To: sms.to,
    ApiVersion: '2010-04-01',
    ...(sms.from ? { From: sms.from } : {}),
  };
  return [{ MessageStatus: 'sent' }, twilioFinal(outcome)].map((status) => {
    const form = { ...common, SmsStatus: status.MessageStatus, ...status };
    return {
      url: target.url,
      status: status.MessageStatus,
      form,
      headers: { 'x-twilio-signature': signTwilioCallback(target.authToken, target.url, form) },
      expectedBody: null,
    };
  });
}

// https://sms.ru/api/status: 102 on its way, 103 delivered, 104 lifetime expired (phone stayed off),
// 150 no route to the number.
const SMSRU_FINAL_CODES: Record<SandboxDeliveryOutcome, string> = {
  delivered: '103',
  unreachable: '104',
  unknownNumber: '150',
};

/** `102` (on its way), then the final code: SMS.ru's `sms_status` callbacks, answered with `100`. */
export function planSmsRuReceipts(
  sms: SandboxSms,
  outcome: SandboxDeliveryOutcome,
  url: string,
): PlannedReceipt[] {
  return ['102', SMSRU_FINAL_CODES[outcome]].map((code) => {
    const unixTime = Math.floor(Date.now() / 1000);
    return {
      url,
      status: code,
      form: { 'data[]': ['sms_status', sms.providerId, code, String(unixTime)].join('\n') },
      headers: {},
      expectedBody: '100',
    };
  });
}
