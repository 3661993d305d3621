import { randomBytes } from 'node:crypto';
import type { PlannedReceipt } from './receipt-plans';
import type { SandboxSms, SmsSandboxOptions } from './sandbox-types';
import type { SandboxDeliveryFn, SandboxVerdictFn } from './sandbox-verdict';

/** What the endpoint handlers need from the sandbox. */
export interface SmsInbox {
  options: SmsSandboxOptions;
  verdict: SandboxVerdictFn;
  /** What becomes of an accepted message: the receipts it gets. */
  delivery: SandboxDeliveryFn;
  store(
    sms: Omit<SandboxSms, 'id' | 'receivedAt' | 'segments' | 'encoding' | 'providerId'>,
    providerId: string,
  ): SandboxSms;
  /** Everything accepted so far, oldest first. */
  list(): readonly SandboxSms[];
  /** Posts these receipts for `sms` in the background, after the answer to the send. */
  scheduleReceipts(sms: SandboxSms, planned: PlannedReceipt[]): void;
}

/** A provider-looking id: Twilio `SM` + 32 hex, otherwise `NNNNNN-NNNNNNN` like SMS.ru. */
export function generateProviderId(provider: 'twilio' | 'smsru'): string {
  if (provider === 'twilio') return `SM${randomBytes(16).toString('hex')}`;
  const digits = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString()
    .padStart(13, '0');
  return `${digits.slice(0, 6)}-${digits.slice(6, 13)}`;
}
