import {
  DELIVERY_STATES,
  parseSmsRuCallback,
  parseTwilioStatusCallback,
  type DeliveryReceipt,
} from '@touchpoint/channels';
import { SandboxReceipt, SandboxSms } from '@touchpoint/channels/sandbox/types';
import { SMS_FAILURE_REASONS, type SmsFailureReason } from '@touchpoint/language/api-contract';
import { z } from 'zod';

/** One delivery receipt of a sandbox SMS, read the way the receipt webhooks read it. */
export const SandboxSmsReceipt = z
  .object({
    /** The provider's own status: Twilio's `MessageStatus` word or SMS.ru's numeric code. */
    status: z.string().describe("the provider's own status (Twilio's word, SMS.ru's code)"),
    state: z.enum(DELIVERY_STATES).describe('what the status means for delivery'),
    /** Set only when `state` is `failed`. */
    reason: z.enum(SMS_FAILURE_REASONS).nullable().describe('why it failed; null unless failed'),
    /** The provider's status with its error code, e.g. `undelivered (30005)` or `status 150`. */
    detail: z.string().describe('the status with its error code (`undelivered (30005)`)'),
    /** `failed` when the receiver (normally the API's receipt webhook) refused every attempt. */
    outcome: SandboxReceipt.shape.outcome.describe('failed when the receipt webhook refused every attempt'),
    postedAt: z.iso.datetime().describe('when the sandbox posted it'),
  })
  .describe('one delivery receipt the sandbox posted');
export type SandboxSmsReceipt = z.infer<typeof SandboxSmsReceipt>;

/** A sandbox SMS with the receipts the sandbox posted about it, in posting order. */
export const SandboxSmsWithReceipts = SandboxSms.extend({
  receipts: z.array(SandboxSmsReceipt).describe('its delivery receipts, in posting order'),
}).describe('an SMS the sandbox provider received, with its receipts');
export type SandboxSmsWithReceipts = z.infer<typeof SandboxSmsWithReceipts>;

// Codes that name a dead number, as opposed to other final refusals (Twilio error codes, SMS.ru statuses).
const UNKNOWN_NUMBER_CODES = new Set(['30005', '150']);

function parseReceipt(receipt: SandboxReceipt): DeliveryReceipt | undefined {
  switch (receipt.provider) {
    case 'twilio':
      return parseTwilioStatusCallback(receipt.form);
    case 'smsru':
      return parseSmsRuCallback(receipt.form)[0];
    default: {
      const unknown: never = receipt.provider;
      throw new Error(`sandbox receipts: unknown provider ${String(unknown)}`);
    }
  }
}

function reasonOf(receipt: SandboxReceipt, parsed: DeliveryReceipt): SmsFailureReason | null {
  if (parsed.state !== 'failed') return null;
  const code = receipt.provider === 'twilio' ? (receipt.form.ErrorCode ?? '') : receipt.status;
  if (UNKNOWN_NUMBER_CODES.has(code)) return 'unknownNumber';
  return parsed.permanent ? 'refused' : 'unreachable';
}

/** Summarises one posted receipt; the sandbox only posts receipts it can read back. */
export function summariseReceipt(receipt: SandboxReceipt): SandboxSmsReceipt {
  const parsed = parseReceipt(receipt);
  if (!parsed) throw new Error(`sandbox receipts: receipt ${receipt.id} holds no sms_status record`);
  return {
    status: receipt.status,
    state: parsed.state,
    reason: reasonOf(receipt, parsed),
    detail: parsed.detail,
    outcome: receipt.outcome,
    postedAt: receipt.postedAt,
  };
}

/**
 * Returns a function that gives an SMS its receipts (`SandboxReceipt.messageId` is `SandboxSms.id`),
 * grouping the receipts once for a whole listing.
 */
export function withReceiptsFrom(receipts: SandboxReceipt[]): (sms: SandboxSms) => SandboxSmsWithReceipts {
  const byMessage = new Map<string, SandboxReceipt[]>();
  for (const receipt of receipts) {
    byMessage.set(receipt.messageId, [...(byMessage.get(receipt.messageId) ?? []), receipt]);
  }
  return (sms) => ({ ...sms, receipts: (byMessage.get(sms.id) ?? []).map(summariseReceipt) });
}
